import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../context/app-env.ts";
import { AppError } from "../errors.ts";
import { findTenantByShop } from "../services/tenants/find-tenant.ts";
import { verifyExtensionSessionToken } from "../shopify/session-token.ts";

/**
 * Checkout and customer account extension auth: the token of `shopify.sessionToken.get()` in `Authorization:
 * Bearer …` (HS256 with the app secret, `aud` = API key, `exp`/`nbf` with 10 s skew). Its `dest` is the request's
 * only tenant scope and must be an installed shop; its `sub`, when present, is the buyer.
 */
export function requireCheckoutToken(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header("Authorization") ?? "";
    const token = header.startsWith("Bearer ") ? header.slice("Bearer ".length).trim() : "";
    if (!token) throw new AppError("unauthorized", "Missing session token: call with the extension's shopify.sessionToken.get().");
    const config = c.get("config");
    const secrets = [config.SHOPIFY_API_SECRET, ...(config.SHOPIFY_API_SECRET_PREVIOUS ? [config.SHOPIFY_API_SECRET_PREVIOUS] : [])];
    const verified = await verifyExtensionSessionToken(token, { apiKey: config.SHOPIFY_API_KEY, secrets });
    if (!verified.ok) throw new AppError("invalid_token", `Session token rejected (${verified.error.reason.replace("_", " ")}).`);
    const tenant = await findTenantByShop({ ctx: c.get("deps"), input: { shop: verified.value.shop } });
    if (!tenant || tenant.status === "uninstalled") throw new AppError("invalid_token", "Session token rejected: SegOps is not installed on its shop.");
    c.set("shop", verified.value.shop);
    c.set("tenantId", tenant.id);
    c.set("buyerCustomerId", verified.value.customerId);
    await next();
  };
}
