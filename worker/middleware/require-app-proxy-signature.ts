import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../context/app-env.ts";
import { AppError } from "../errors.ts";
import { findTenantByShop } from "../services/tenants/find-tenant.ts";
import { parseShopDomain } from "../shopify/shop-domain.ts";
import { verifyAppProxyQuery } from "../shopify/verify-query-hmac.ts";

/** How far `timestamp` may be from now, either way: a captured storefront URL stops working after this. */
export const APP_PROXY_MAX_AGE_SECONDS = 90;

/**
 * App proxy auth: Shopify's `signature` over every other query parameter (sorted `key=value`, no separator, hex
 * HMAC-SHA256 with the app secret or the previous one, compared in constant time) and a fresh `timestamp`. The
 * signed `shop` is the request's only tenant scope. Everything else answers 401, or 404 for a shop not installed.
 */
export function requireAppProxySignature(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const params = new URL(c.req.url).searchParams;
    if (!params.get("signature")) throw new AppError("unauthorized", "Missing app proxy signature: storefront requests come through Shopify's app proxy.");
    const config = c.get("config");
    const secrets = [config.SHOPIFY_API_SECRET, ...(config.SHOPIFY_API_SECRET_PREVIOUS ? [config.SHOPIFY_API_SECRET_PREVIOUS] : [])];
    if (!(await verifyAppProxyQuery(params, secrets))) throw new AppError("invalid_hmac", "App proxy signature does not match.");
    const timestamp = Number(params.get("timestamp"));
    if (!Number.isInteger(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > APP_PROXY_MAX_AGE_SECONDS) {
      throw new AppError("unauthorized", `App proxy request is stale: its timestamp is more than ${APP_PROXY_MAX_AGE_SECONDS} s from now.`);
    }
    const shop = parseShopDomain(params.get("shop"));
    const tenant = shop ? await findTenantByShop({ ctx: c.get("deps"), input: { shop } }) : null;
    if (!shop || !tenant || tenant.status === "uninstalled") throw new AppError("not_found", "SegOps is not installed on this shop.");
    c.set("shop", shop);
    c.set("tenantId", tenant.id);
    await next();
  };
}
