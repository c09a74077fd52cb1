import type { Hono } from "hono";
import { setCookie } from "hono/cookie";
import type { AppEnv } from "../../context/app-env.ts";
import { bytesToBase64Url } from "../../lib/encoding.ts";
import { checkConnectLink } from "../../services/connect-links/check-connect-link.ts";
import { OAUTH_STATE_COOKIE, OAUTH_STATE_TTL_SECONDS, sealOAuthState } from "../../services/install/oauth-state.ts";
import { shopAdminUrl } from "../../shopify/admin-url.ts";
import { DECLARED_SCOPES } from "../../shopify/scopes.ts";
import { parseShopDomain } from "../../shopify/shop-domain.ts";
import { refuse } from "./respond.ts";

/** `GET /auth?shop=…[&connect=…]`: the authorization-code grant for non-embedded installs and connect links. */
export function registerBeginAuth(app: Hono<AppEnv>): void {
  app.get("/auth", async (c) => {
    const config = c.get("config");
    const shop = parseShopDomain(c.req.query("shop"));
    if (!shop) return refuse(c, "bad_request", "Enter your shop's address, like acme.myshopify.com.");
    const connect = c.req.query("connect") ?? null;
    if (connect) {
      const link = await checkConnectLink({ ctx: c.get("deps"), input: { token: connect } });
      if (!link.ok) return refuse(c, link.error.reason === "expired" || link.error.reason === "used" ? "gone" : "bad_request", link.error.message);
    }
    const nonce = bytesToBase64Url(crypto.getRandomValues(new Uint8Array(24)));
    const exp = Math.floor(Date.now() / 1000) + OAUTH_STATE_TTL_SECONDS;
    setCookie(c, OAUTH_STATE_COOKIE, await sealOAuthState(config.SHOPIFY_API_SECRET, { nonce, shop, connect, exp }), {
      httpOnly: true,
      secure: new URL(c.req.url).protocol === "https:",
      sameSite: "Lax",
      path: "/auth",
      maxAge: OAUTH_STATE_TTL_SECONDS,
    });
    const authorize = new URLSearchParams({
      client_id: config.SHOPIFY_API_KEY,
      scope: DECLARED_SCOPES.join(","),
      redirect_uri: `${config.SHOPIFY_APP_URL.replace(/\/$/, "")}/auth/callback`,
      state: nonce,
    });
    return c.redirect(shopAdminUrl(config, shop, `/admin/oauth/authorize?${authorize}`), 302);
  });
}
