import { env } from "cloudflare:workers";
import { getTableConfig } from "drizzle-orm/sqlite-core";
import { PRIVACY_CLASSIFICATION } from "../../worker/db/privacy-classification.ts";

/**
 * The D1 database holding a tenant's data, as its `tenant_shards` row names it; control tables (tenants, keys,
 * credentials, billing, the directory) are read through `env.DB`. A tenant without a row is an error, as in the app.
 */
export async function tenantDb(tenantId: string): Promise<D1Database> {
  const row = await env.DB.prepare("SELECT shard FROM tenant_shards WHERE tenant_id = ?").bind(tenantId).first<{ shard: string }>();
  if (!row) throw new Error(`tenant ${tenantId} has no entry in tenant_shards`);
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

/** Tables that stay in the control database (`env.DB`) whatever shard a tenant is on (their classification's plane). */
export const CONTROL_TABLES: ReadonlySet<string> = new Set(
  PRIVACY_CLASSIFICATION.filter((entry) => entry.plane === "control").map((entry) => getTableConfig(entry.table).name),
);

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
