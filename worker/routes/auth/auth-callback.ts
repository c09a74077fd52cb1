import type { Hono } from "hono";
import { deleteCookie, getCookie } from "hono/cookie";
import type { AppEnv } from "../../context/app-env.ts";
import { installFromCode } from "../../services/install/install-from-code.ts";
import { OAUTH_STATE_COOKIE, openOAuthState } from "../../services/install/oauth-state.ts";
import { embeddedAdminUrl } from "../../shopify/embedded-admin-url.ts";
import { parseShopDomain } from "../../shopify/shop-domain.ts";
import { verifyOauthQuery } from "../../shopify/verify-query-hmac.ts";
import { refuse } from "./respond.ts";

const MAX_CALLBACK_AGE_SECONDS = 90;

/** `GET /auth/callback`: HMAC, freshness, state cookie and shop are all checked before the code is exchanged. */
export function registerAuthCallback(app: Hono<AppEnv>): void {
  app.get("/auth/callback", async (c) => {
    const config = c.get("config");
    const params = new URL(c.req.url).searchParams;
    const secrets = [config.SHOPIFY_API_SECRET, ...(config.SHOPIFY_API_SECRET_PREVIOUS ? [config.SHOPIFY_API_SECRET_PREVIOUS] : [])];
    if (!(await verifyOauthQuery(params, secrets))) return refuse(c, "invalid_hmac", "This install link was not signed by Shopify.");
    const shop = parseShopDomain(params.get("shop"));
    const code = params.get("code");
    if (!shop || !code) return refuse(c, "bad_request", "The install callback is missing the shop or the code.");
    const age = Math.abs(Date.now() / 1000 - Number(params.get("timestamp")));
    if (!(age <= MAX_CALLBACK_AGE_SECONDS)) return refuse(c, "forbidden", "This install link is too old; start the install again.");

    const state = await openOAuthState(config.SHOPIFY_API_SECRET, getCookie(c, OAUTH_STATE_COOKIE));
    if (!state || state.nonce !== params.get("state") || state.shop !== shop) {
      return refuse(c, "forbidden", "This install did not start here or took too long; start it again from your Shopify admin.");
    }
    deleteCookie(c, OAUTH_STATE_COOKIE, { path: "/auth" });

    const installed = await installFromCode({ ctx: c.get("deps"), input: { shop, code, connectToken: state.connect } });
    if (!installed.ok) {
      const { reason, message } = installed.error;
      const status = reason === "expired" || reason === "used" ? "gone" : reason === "conflict" ? "conflict" : reason === "shopify_unavailable" ? "shopify_unavailable" : "bad_request";
      return refuse(c, status, message);
    }
    c.set("tenantId", installed.value.id);
    return c.redirect(embeddedAdminUrl(config, shop), 302);
  });
}
