import { z } from "zod";
import type { Config } from "../env.ts";
import { err, ok, type Result } from "../lib/result.ts";
import { shopAdminUrl } from "./admin-url.ts";

export type OfflineTokens = {
  accessToken: string;
  scopes: string;
  accessTokenExpiresAt: number | null;
  refreshToken: string | null;
  refreshTokenExpiresAt: number | null;
};

/** `rejected`: Shopify refused the grant (bad/expired subject token, burned refresh token, revoked app); `unavailable`: try again later. */
export type TokenRequestError = { reason: "rejected" | "unavailable"; status: number; message: string };

const TokenResponseSchema = z.object({
  access_token: z.string().min(1),
  scope: z.string().default(""),
  expires_in: z.number().int().positive().optional(),
  refresh_token: z.string().min(1).optional(),
  refresh_token_expires_in: z.number().int().positive().optional(),
});

export type Grant =
  | { kind: "token_exchange"; sessionToken: string }
  | { kind: "refresh"; refreshToken: string }
  | { kind: "authorization_code"; code: string };

function grantBody(config: Config, grant: Grant): Record<string, string> {
  const client = { client_id: config.SHOPIFY_API_KEY, client_secret: config.SHOPIFY_API_SECRET };
  switch (grant.kind) {
    case "token_exchange":
      return {
        ...client,
        grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
        subject_token: grant.sessionToken,
        subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
        requested_token_type: "urn:shopify:params:oauth:token-type:offline-access-token",
        expiring: "1",
      };
    case "refresh":
      return { ...client, grant_type: "refresh_token", refresh_token: grant.refreshToken };
    case "authorization_code":
      return { ...client, code: grant.code, expiring: "1" };
  }
}

/** POST /admin/oauth/access_token for an expiring offline token (token exchange, refresh, or code grant). */
export async function requestAccessToken(
  config: Config,
  shop: string,
  grant: Grant,
  now = Date.now(),
): Promise<Result<OfflineTokens, TokenRequestError>> {
  let res: Response;
  try {
    res = await fetch(shopAdminUrl(config, shop, "/admin/oauth/access_token"), {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(grantBody(config, grant)),
    });
  } catch (error) {
    return err({ reason: "unavailable", status: 0, message: error instanceof Error ? error.message : "network error" });
  }
  const text = await res.text();
  if (!res.ok) {
    const reason = res.status >= 500 || res.status === 429 ? "unavailable" : "rejected";
    return err({ reason, status: res.status, message: text.slice(0, 300) });
  }
  const parsed = TokenResponseSchema.safeParse(safeJson(text));
  if (!parsed.success) return err({ reason: "unavailable", status: res.status, message: "unexpected token response shape" });
  const body = parsed.data;
  return ok({
    accessToken: body.access_token,
    scopes: body.scope,
    accessTokenExpiresAt: body.expires_in ? now + body.expires_in * 1000 : null,
    refreshToken: body.refresh_token ?? null,
    refreshTokenExpiresAt: body.refresh_token_expires_in ? now + body.refresh_token_expires_in * 1000 : null,
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
