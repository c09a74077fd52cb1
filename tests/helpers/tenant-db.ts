import { env } from "cloudflare:workers";

/**
 * The D1 database holding a tenant's data, as its `tenant_shards` row names it; control tables (tenants, keys,
 * credentials, billing, the directory) are read through `env.DB`. Tenants without a row are those made before
 * routing by shard (#18) lands, whose data is still in `env.DB`.
 */
export async function tenantDb(tenantId: string): Promise<D1Database> {
  const row = await env.DB.prepare("SELECT shard FROM tenant_shards WHERE tenant_id = ?").bind(tenantId).first<{ shard: string }>();
  if (!row) return env.DB;
  const db = (env as unknown as Record<string, D1Database | undefined>)[row.shard];
  if (!db) throw new Error(`tenant ${tenantId} is on ${row.shard}, which is not a D1 binding of the test worker`);
  return db;
}

/**
 * Every database that can hold tenant data: the control database (tenants from before sharding) and each data
 * shard. Only for assertions that deliberately span all tenants (isolated cron tests, "stored nowhere" proofs).
 */
export function allDataDbs(): D1Database[] {
  return [env.DB, env.SHARD_1, env.SHARD_2];
}

/** Tables that stay in the control database (`env.DB`) whatever shard a tenant is on; every other table is data. */
export const CONTROL_TABLES: ReadonlySet<string> = new Set([
  "tenants",
  "shop_credentials",
  "api_keys",
  "connect_links",
  "tenant_settings",
  "billing_subscriptions",
  "billing_trials",
  "usage_counters",
  "tenant_tombstones",
  "shop_tombstones",
  "tenant_shards",
  "dead_letters",
]);

/**
 * The first row `sql` finds in any database that can hold tenant data: for rows no tenant's directory entry leads to
 * (a webhook of a shop with no tenant, a request outliving its tenant's shop/redact).
 */
export async function firstInAnyDb<T>(sql: string, ...values: unknown[]): Promise<T | null> {
  for (const db of allDataDbs()) {
    const row = await db
      .prepare(sql)
      .bind(...values)
      .first<T>();
    if (row) return row;
  }
  return null;
}
