import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, tenantId, timestampMs, updatedAt } from "./columns.ts";

/** A workspace. One Shopify shop at a time; the row survives uninstall until shop/redact. */
export const tenantsTable = sqliteTable("tenants", {
  id: text("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  shopDomain: text("shop_domain").unique(),
  shopGid: text("shop_gid"),
  shopName: text("shop_name"),
  currency: text("currency"),
  status: text("status", { enum: ["installing", "active", "uninstalled"] }).notNull(),
  grantedScopes: text("granted_scopes").notNull().default(""),
  /**
   * The shape of the webhook subscriptions made for the shop (`WEBHOOKS_REVISION`). New rows default to the current
   * one since install subscribes with it; rows from before a change are set lower by its migration and updated on
   * the next admin load.
   */
  webhooksRevision: integer("webhooks_revision").notNull().default(1),
  installedAt: timestampMs("installed_at"),
  uninstalledAt: timestampMs("uninstalled_at"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/**
 * The shard directory: the D1 binding that holds a tenant's data (docs/storage.md). Lives in the control database
 * with the tenant; `DB` names the control database itself, where tenants installed before sharding keep their data
 * until `npm run ops -- tenant move` takes them to a shard.
 */
export const tenantShardsTable = sqliteTable(
  "tenant_shards",
  {
    tenantId: text("tenant_id").primaryKey(),
    shard: text("shard").notNull(),
    /** `frozen` while a tenant move copies its last rows: writes wait (409, queue retry), reads use `shard`. */
    state: text("state", { enum: ["active", "frozen"] }).notNull().default("active"),
    updatedAt: updatedAt(),
  },
  // Placement counts each shard's entries on every install: an index range, not a scan of the directory per shard.
  (t) => [index("tenant_shards_shard_idx").on(t.shard)],
);

/** Access and refresh tokens, AES-GCM encrypted; only the tenant's Durable Object rotates them. */
export const shopCredentialsTable = sqliteTable("shop_credentials", {
  tenantId: text("tenant_id").primaryKey(),
  shopDomain: text("shop_domain").notNull(),
  accessTokenCiphertext: text("access_token_ciphertext").notNull(),
  accessTokenExpiresAt: timestampMs("access_token_expires_at"),
  refreshTokenCiphertext: text("refresh_token_ciphertext"),
  refreshTokenExpiresAt: timestampMs("refresh_token_expires_at"),
  scopes: text("scopes").notNull(),
  updatedAt: updatedAt(),
});

/** Public storefront keys (`pk_…`, public by nature) and server keys (`sk_…`, only a SHA-256 hash is kept). */
export const apiKeysTable = sqliteTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    tenantId: tenantId(),
    kind: text("kind", { enum: ["public", "server"] }).notNull(),
    publicKey: text("public_key").unique(),
    secretHash: text("secret_hash").unique(),
    hint: text("hint").notNull(),
    createdAt: createdAt(),
    revokedAt: timestampMs("revoked_at"),
    lastUsedAt: timestampMs("last_used_at"),
  },
  (t) => [index("api_keys_tenant_idx").on(t.tenantId, t.kind)],
);

/** Signed single-use links that attach a shop to an existing tenant on install. */
export const connectLinksTable = sqliteTable(
  "connect_links",
  {
    id: text("id").primaryKey(),
    tenantId: tenantId(),
    expiresAt: timestampMs("expires_at").notNull(),
    usedAt: timestampMs("used_at"),
    usedByShop: text("used_by_shop"),
    createdAt: createdAt(),
  },
  (t) => [index("connect_links_tenant_idx").on(t.tenantId)],
);

/** Per-tenant settings the merchant edits in the admin. */
export const tenantSettingsTable = sqliteTable("tenant_settings", {
  tenantId: text("tenant_id").primaryKey(),
  trackedEvents: text("tracked_events", { mode: "json" }).$type<string[]>().notNull(),
  samplingPercent: integer("sampling_percent").notNull().default(100),
  productSyncInbound: integer("product_sync_inbound", { mode: "boolean" }).notNull().default(true),
  productSyncOutbound: integer("product_sync_outbound", { mode: "boolean" }).notNull().default(false),
  /** Events older than this many days are deleted by the nightly retention job (docs/privacy.md). */
  eventRetentionDays: integer("event_retention_days").notNull().default(400),
  /** Raw events older than this many days move to the R2 archive every night (docs/archive.md). */
  hotWindowDays: integer("hot_window_days").notNull().default(90),
  updatedAt: updatedAt(),
});
