import { createHmac, randomBytes } from "node:crypto";
import type { Context, Hono } from "hono";
import { verifyHs256 } from "../lib/jwt.ts";
import { readParams } from "../lib/read-body.ts";
import type { ShopState, SimContext } from "../types.ts";
import { issueToken, refreshToken } from "./tokens.ts";

const TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
const ONLINE = "urn:shopify:params:oauth:token-type:online-access-token";

function oauthError(c: Context, status: 400 | 401 | 404, error: string, description: string) {
  return c.json({ error, error_description: description }, status);
}

/** Shopify signs the callback query: hex HMAC-SHA256 of the sorted `k=v` pairs joined with `&`. */
export function signQuery(params: Record<string, string>, secret: string): string {
  const message = Object.keys(params)
    .filter((key) => key !== "hmac" && key !== "signature")
    .sort()
    .map((key) => `${key}=${params[key]}`)
    .join("&");
  return createHmac("sha256", secret).update(message).digest("hex");
}

function exchangeSessionToken(c: Context, shop: ShopState, params: Record<string, string>, ctx: SimContext) {
  const verified = verifyHs256(params.subject_token ?? "", ctx.options.app.apiSecret, Math.floor(Date.now() / 1000));
  if (!verified.ok) return oauthError(c, 400, "invalid_subject_token", `Session token is invalid: ${verified.reason}.`);
  const { aud, dest, iss } = verified.claims;
  if (aud !== ctx.options.app.apiKey) return oauthError(c, 400, "invalid_subject_token", "Session token audience does not match the client.");
  if (dest !== `https://${shop.domain}` || iss !== `https://${shop.domain}/admin`) {
    return oauthError(c, 400, "invalid_subject_token", "Session token was issued for another shop.");
  }
  shop.tokens.counts.exchanged++;
  if (params.requested_token_type === ONLINE) {
    const token = issueToken(shop, true);
    return c.json({
      access_token: token.access_token,
      scope: token.scope,
      expires_in: 86399,
      associated_user_scope: token.scope,
      associated_user: { id: Number(verified.claims.sub), first_name: "Sim", last_name: "Staff", email: "staff@example.com", account_owner: true, locale: "en", collaborator: false, email_verified: true },
    });
  }
  return c.json(issueToken(shop, params.expiring === "1"));
}

export function registerOauthRoutes(app: Hono, ctx: SimContext): void {
  app.post("/:shop/admin/oauth/access_token", async (c) => {
    const shop = ctx.shops.get(c.req.param("shop"));
    if (!shop) return oauthError(c, 404, "shop_not_found", "Shop not found.");
    const params = await readParams(c);
    if (params.client_id !== ctx.options.app.apiKey || params.client_secret !== ctx.options.app.apiSecret) {
      return oauthError(c, 401, "invalid_client", "Client authentication failed due to unknown client or invalid client secret.");
    }
    if (!shop.installed) return oauthError(c, 400, "invalid_request", "This app is not installed on the shop.");
    if (params.grant_type === TOKEN_EXCHANGE) return exchangeSessionToken(c, shop, params, ctx);
    if (params.grant_type === "refresh_token") {
      const result = refreshToken(shop, params.refresh_token ?? "");
      return result.ok ? c.json(result.token) : oauthError(c, 400, "invalid_grant", result.description);
    }
    if (params.code !== undefined && params.grant_type === undefined) {
      const code = shop.tokens.codes.get(params.code);
      shop.tokens.codes.delete(params.code);
      if (!code || code.expiresAt < Date.now()) return oauthError(c, 400, "invalid_request", "The authorization code was not found or was already used.");
      shop.tokens.counts.codeGrants++;
      return c.json(issueToken(shop, params.expiring === "1" || code.expiring));
    }
    return oauthError(c, 400, "unsupported_grant_type", `Unsupported grant type: ${params.grant_type ?? "none"}.`);
  });

  app.get("/:shop/admin/oauth/authorize", (c) => {
    const shop = ctx.shops.get(c.req.param("shop"));
    if (!shop) return c.text("Shop not found", 404);
    if (!shop.installed) return c.text("This app is not installed on the shop.", 403);
    const query = c.req.query();
    if (query.client_id !== ctx.options.app.apiKey) return c.text("Invalid client_id", 400);
    if (!query.redirect_uri) return c.text("Missing redirect_uri", 400);
    const code = randomBytes(16).toString("hex");
    shop.tokens.codes.set(code, { expiresAt: Date.now() + 60_000, expiring: false });
    const params: Record<string, string> = {
      code,
      host: Buffer.from(`admin.shopify.com/store/${shop.domain.replace(".myshopify.com", "")}`).toString("base64url"),
      shop: shop.domain,
      state: query.state ?? "",
      timestamp: String(Math.floor(Date.now() / 1000)),
    };
    params.hmac = signQuery(params, ctx.options.app.apiSecret);
    const target = new URL(query.redirect_uri);
    for (const [key, value] of Object.entries(params)) target.searchParams.set(key, value);
    return c.redirect(target.toString(), 302);
  });
}
