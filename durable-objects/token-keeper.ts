import { eq } from "drizzle-orm";
import { shopCredentialsTable } from "../worker/db/schema/index.ts";
import type { TenantControl } from "../worker/context/deps.ts";
import { decryptSecret, encryptSecret } from "../worker/lib/token-cipher.ts";
import { requestAccessToken, type OfflineTokens } from "../worker/shopify/request-access-token.ts";

export type AccessTokenResult =
  | { ok: true; accessToken: string; shop: string; scopes: string }
  | { ok: false; reason: "not_installed" | "reauth_required" | "unavailable"; message: string };

/** Tokens live in the control database (`shop_credentials`), whatever shard holds the tenant's data. */
export type TokenContext = TenantControl;

type Cached = { accessToken: string; shop: string; scopes: string; expiresAt: number | null; issuedAt: number };

/** Refresh this long before expiry (or at half-life for short-lived tokens), so a token handed out is still good for a whole call. */
const REFRESH_MARGIN_MS = 5 * 60 * 1000;

function stillFresh(expiresAt: number | null, issuedAt: number, now: number): boolean {
  if (expiresAt === null) return true;
  return expiresAt - Math.min(REFRESH_MARGIN_MS, (expiresAt - issuedAt) / 2) > now;
}

/**
 * Owns a tenant's Shopify tokens inside its Durable Object. Refreshes are serialised through one in-flight
 * promise: concurrent callers share it, so a rotated refresh token is never used twice.
 */
export class TokenKeeper {
  #cached: Cached | null = null;
  #refreshing: Promise<AccessTokenResult> | null = null;

  async store(ctx: TokenContext, shop: string, tokens: OfflineTokens, now = Date.now()): Promise<void> {
    const { config, tenantId } = ctx;
    const aad = `${tenantId}:${shop}`;
    const row = {
      tenantId,
      shopDomain: shop,
      accessTokenCiphertext: await encryptSecret(config.TOKEN_ENCRYPTION_KEY, tokens.accessToken, aad),
      accessTokenExpiresAt: tokens.accessTokenExpiresAt === null ? null : new Date(tokens.accessTokenExpiresAt),
      refreshTokenCiphertext: tokens.refreshToken ? await encryptSecret(config.TOKEN_ENCRYPTION_KEY, tokens.refreshToken, aad) : null,
      refreshTokenExpiresAt: tokens.refreshTokenExpiresAt === null ? null : new Date(tokens.refreshTokenExpiresAt),
      scopes: tokens.scopes,
      updatedAt: new Date(now),
    };
    await ctx.db.insert(shopCredentialsTable).values(row).onConflictDoUpdate({ target: shopCredentialsTable.tenantId, set: row });
    this.#cached = { accessToken: tokens.accessToken, shop, scopes: tokens.scopes, expiresAt: tokens.accessTokenExpiresAt, issuedAt: now };
  }

  async drop(ctx: TokenContext): Promise<void> {
    this.#cached = null;
    await ctx.db.delete(shopCredentialsTable).where(eq(shopCredentialsTable.tenantId, ctx.tenantId));
  }

  async get(ctx: TokenContext, now = Date.now()): Promise<AccessTokenResult> {
    const cached = this.#cached;
    if (cached && stillFresh(cached.expiresAt, cached.issuedAt, now)) {
      return { ok: true, accessToken: cached.accessToken, shop: cached.shop, scopes: cached.scopes };
    }
    this.#refreshing ??= this.#load(ctx, now).finally(() => {
      this.#refreshing = null;
    });
    return this.#refreshing;
  }

  async #load(ctx: TokenContext, now: number): Promise<AccessTokenResult> {
    const { config, tenantId } = ctx;
    const row = await ctx.db.select().from(shopCredentialsTable).where(eq(shopCredentialsTable.tenantId, tenantId)).get();
    if (!row) return { ok: false, reason: "not_installed", message: "No Shopify credentials: the app is not installed on this shop." };
    const aad = `${tenantId}:${row.shopDomain}`;
    const expiresAt = row.accessTokenExpiresAt?.getTime() ?? null;
    const issuedAt = row.updatedAt.getTime();
    if (stillFresh(expiresAt, issuedAt, now)) {
      const accessToken = await decryptSecret(config.TOKEN_ENCRYPTION_KEY, row.accessTokenCiphertext, aad);
      this.#cached = { accessToken, shop: row.shopDomain, scopes: row.scopes, expiresAt, issuedAt };
      return { ok: true, accessToken, shop: row.shopDomain, scopes: row.scopes };
    }
    return this.#refresh(ctx, row, now);
  }

  /**
   * Shopify refused `rejected` (401): refresh it once, whatever its expiry says, and drop the tokens only when the
   * refresh is refused too. A caller whose token another caller already replaced gets the new one.
   */
  async renew(ctx: TokenContext, rejected: string, now = Date.now()): Promise<AccessTokenResult> {
    const current = await (this.#refreshing ?? this.#loadStored(ctx));
    if (current.ok && current.accessToken !== rejected) return current;
    this.#refreshing ??= this.#renew(ctx, now).finally(() => {
      this.#refreshing = null;
    });
    return this.#refreshing;
  }

  async #loadStored(ctx: TokenContext): Promise<AccessTokenResult> {
    const row = await ctx.db.select().from(shopCredentialsTable).where(eq(shopCredentialsTable.tenantId, ctx.tenantId)).get();
    if (!row) return { ok: false, reason: "not_installed", message: "No Shopify credentials: the app is not installed on this shop." };
    const accessToken = await decryptSecret(ctx.config.TOKEN_ENCRYPTION_KEY, row.accessTokenCiphertext, `${ctx.tenantId}:${row.shopDomain}`);
    return { ok: true, accessToken, shop: row.shopDomain, scopes: row.scopes };
  }

  async #renew(ctx: TokenContext, now: number): Promise<AccessTokenResult> {
    this.#cached = null;
    const row = await ctx.db.select().from(shopCredentialsTable).where(eq(shopCredentialsTable.tenantId, ctx.tenantId)).get();
    if (!row) return { ok: false, reason: "not_installed", message: "No Shopify credentials: the app is not installed on this shop." };
    const renewed = await this.#refresh(ctx, row, now);
    if (!renewed.ok && renewed.reason === "reauth_required") await this.drop(ctx);
    return renewed;
  }

  async #refresh(ctx: TokenContext, row: typeof shopCredentialsTable.$inferSelect, now: number): Promise<AccessTokenResult> {
    const { config, tenantId } = ctx;
    const aad = `${tenantId}:${row.shopDomain}`;
    const refreshExpired = row.refreshTokenExpiresAt !== null && row.refreshTokenExpiresAt.getTime() <= now;
    if (!row.refreshTokenCiphertext || refreshExpired) {
      return { ok: false, reason: "reauth_required", message: "The offline token expired and cannot be refreshed; open the app in Shopify admin." };
    }
    const refreshToken = await decryptSecret(config.TOKEN_ENCRYPTION_KEY, row.refreshTokenCiphertext, aad);
    const refreshed = await requestAccessToken(config, row.shopDomain, { kind: "refresh", refreshToken }, now);
    if (!refreshed.ok) {
      const reason = refreshed.error.reason === "rejected" ? "reauth_required" : "unavailable";
      return { ok: false, reason, message: `Token refresh failed (${refreshed.error.status}): ${refreshed.error.message}` };
    }
    await this.store(ctx, row.shopDomain, refreshed.value, now);
    return { ok: true, accessToken: refreshed.value.accessToken, shop: row.shopDomain, scopes: refreshed.value.scopes };
  }
}
