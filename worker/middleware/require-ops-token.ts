import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../context/app-env.ts";
import { AppError } from "../errors.ts";
import { utf8 } from "../lib/encoding.ts";
import { deriveOpsToken } from "../services/operations/ops-token.ts";

/**
 * Operator endpoints: `Authorization: Bearer ops_…` (see `npm run ops -- token`). Cross-tenant by design.
 * @example ops.use(requireOpsToken())
 */
export function requireOpsToken(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header("Authorization") ?? "";
    const given = header.startsWith("Bearer ") ? header.slice("Bearer ".length).trim() : "";
    if (!(await sameDigest(given, await deriveOpsToken(c.get("config").TOKEN_ENCRYPTION_KEY)))) {
      throw new AppError("unauthorized", "Send the operator token as `Authorization: Bearer ops_…`.");
    }
    await next();
  };
}

// Comparing fixed-length digests with no early exit keeps the check constant-time whatever was sent.
async function sameDigest(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([a, b].map(async (text) => new Uint8Array(await crypto.subtle.digest("SHA-256", utf8(text)))));
  let difference = 0;
  for (let i = 0; i < x!.length; i++) difference |= x![i]! ^ y![i]!;
  return difference === 0;
}
