import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../context/app-env.ts";
import { AppError } from "../errors.ts";
import { verifySessionToken } from "../shopify/session-token.ts";

/**
 * Embedded-admin auth: the App Bridge session token in `Authorization: Bearer …` (HS256, aud, dest, exp with
 * 10 s skew). Sets `shop` and `sessionToken`; tenant resolution is left to the admin surface.
 * @example adminApi.use(requireSessionToken())
 */
export function requireSessionToken(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header("Authorization") ?? "";
    const token = header.startsWith("Bearer ") ? header.slice("Bearer ".length).trim() : "";
    if (!token) throw new AppError("unauthorized", "Missing session token: open the app from Shopify admin.");
    const config = c.get("config");
    const secrets = [config.SHOPIFY_API_SECRET, ...(config.SHOPIFY_API_SECRET_PREVIOUS ? [config.SHOPIFY_API_SECRET_PREVIOUS] : [])];
    const verified = await verifySessionToken(token, { apiKey: config.SHOPIFY_API_KEY, secrets });
    if (!verified.ok) {
      throw new AppError("invalid_token", `Session token rejected (${verified.error.reason.replace("_", " ")}); App Bridge will fetch a fresh one.`, {
        headers: { "X-Shopify-Retry-Invalid-Session-Request": "1" },
      });
    }
    c.set("shop", verified.value.shop);
    c.set("sessionToken", verified.value.raw);
    await next();
  };
}
