import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../context/app-env.ts";
import { AppError } from "../errors.ts";
import { authenticateServerKey, touchServerKey } from "../services/keys/authenticate-server-key.ts";

/**
 * Public API auth: `Authorization: Bearer sk_…`. The tenant comes only from the key, never from the request.
 * @example api.use(requireServerKey())
 */
export function requireServerKey(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header("Authorization") ?? "";
    const secret = header.startsWith("Bearer ") ? header.slice("Bearer ".length).trim() : "";
    if (!secret) throw new AppError("unauthorized", "Send your server key as `Authorization: Bearer sk_…`.");
    const deps = c.get("deps");
    const key = await authenticateServerKey({ ctx: deps, input: { secret } });
    if (!key) throw new AppError("invalid_token", "This server key is unknown or has been revoked.");
    c.set("tenantId", key.tenantId);
    c.executionCtx.waitUntil(touchServerKey({ ctx: deps, input: { keyId: key.keyId } }));
    await next();
  };
}
