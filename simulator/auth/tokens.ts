import { randomBytes } from "node:crypto";
import type { ShopState } from "../types.ts";

const REFRESH_TTL_SECONDS = 90 * 24 * 3600;

export interface IssuedToken {
  access_token: string;
  scope: string;
  expires_in?: number;
  refresh_token?: string;
  refresh_token_expires_in?: number;
}

export function issueToken(shop: ShopState, expiring: boolean): IssuedToken {
  const scope = shop.grantedScopes.join(",");
  const accessToken = `shpat_${randomBytes(16).toString("hex")}`;
  shop.tokens.counts.issued++;
  if (!expiring) {
    shop.tokens.access.set(accessToken, { expiresAt: null, scope });
    return { access_token: accessToken, scope };
  }
  const ttl = shop.settings.tokenTtlSeconds;
  shop.tokens.access.set(accessToken, { expiresAt: Date.now() + ttl * 1000, scope });
  const refreshToken = `shprt_${randomBytes(16).toString("hex")}`;
  shop.tokens.refresh.set(refreshToken, { expiresAt: Date.now() + REFRESH_TTL_SECONDS * 1000, successor: null, burned: false });
  return { access_token: accessToken, scope, expires_in: ttl, refresh_token: refreshToken, refresh_token_expires_in: REFRESH_TTL_SECONDS };
}

export type RefreshResult = { ok: true; token: IssuedToken } | { ok: false; description: string };

/**
 * Rotates on every use. The previous refresh token stays usable (for retries) until its successor is used;
 * a retry replaces the unused successor, and using a successor burns everything before it.
 */
export function refreshToken(shop: ShopState, presented: string): RefreshResult {
  const record = shop.tokens.refresh.get(presented);
  if (!record || record.burned) return { ok: false, description: "The refresh token is invalid, expired or has been revoked." };
  if (record.expiresAt < Date.now()) return { ok: false, description: "The refresh token has expired." };
  if (record.successor) shop.tokens.refresh.delete(record.successor);
  for (const other of shop.tokens.refresh.values()) {
    if (other.successor === presented) other.burned = true;
  }
  const token = issueToken(shop, true);
  record.successor = token.refresh_token ?? null;
  shop.tokens.counts.refreshed++;
  return { ok: true, token };
}

export type AccessCheck = { ok: true; scope: string[] } | { ok: false };

export function checkAccessToken(shop: ShopState, token: string | undefined): AccessCheck {
  if (!token || !shop.installed) return { ok: false };
  const record = shop.tokens.access.get(token);
  if (!record) return { ok: false };
  if (record.expiresAt !== null && record.expiresAt < Date.now()) return { ok: false };
  return { ok: true, scope: shop.grantedScopes };
}

export function revokeAllTokens(shop: ShopState): void {
  shop.tokens.access.clear();
  shop.tokens.refresh.clear();
  shop.tokens.codes.clear();
}

export function expireAccessTokens(shop: ShopState): void {
  for (const record of shop.tokens.access.values()) record.expiresAt = Date.now() - 1000;
}
