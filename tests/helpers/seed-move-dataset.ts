import { getTableConfig } from "drizzle-orm/sqlite-core";
import { env } from "cloudflare:workers";
import { forgetTenantShard } from "../../worker/context/tenant-directory.ts";
import { MOVE_TABLES } from "../../worker/services/shards/move-tables.ts";
import { tenantShardsTable } from "../../worker/db/schema/index.ts";

/** The demo shop's size (README, "Local demo"): 2,000 customers, 6,000 orders, 200 products, and their events. */
export const DEMO_SIZE = { customers: 2_000, orders: 6_000, products: 200, eventsPerOrder: 2 };
export type DatasetSize = typeof DEMO_SIZE;

const CHUNK = 500;

async function insertJson(db: D1Database, sql: string, rows: unknown[][]): Promise<void> {
  const statements = [];
  for (let i = 0; i < rows.length; i += CHUNK) statements.push(db.prepare(sql).bind(JSON.stringify(rows.slice(i, i + CHUNK))));
  for (let i = 0; i < statements.length; i += 20) await db.batch(statements.slice(i, i + 20));
}

const pick = (n: number) => Array.from({ length: n }, (_, i) => `json_extract(value, '$[${i}]')`).join(", ");

/**
 * A tenant's data written straight to one shard, as ingestion and the backfill would have left it: profiles with
 * identities, orders (with reals such as 0.1 + 0.2 and ids past 2^53), events, products. `tag` makes rows distinct.
 */
export async function seedMoveDataset(db: D1Database, tenantId: string, size: DatasetSize): Promise<void> {
  const now = Date.now();
  const profiles = Array.from({ length: size.customers }, (_, i) => [`prof_${tenantId}_${i}`, tenantId, String(9_007_199_254_740_993n + BigInt(i)), `buyer-${i}@example.com`, JSON.stringify(["vip", `t${i % 7}`]), i % 9, 0.1 + 0.2 + i, now - i, now]);
  await insertJson(db, `INSERT INTO profiles (id, tenant_id, shopify_customer_id, email, tags, orders_count, total_spent, created_at, updated_at) SELECT ${pick(9)} FROM json_each(?1)`, profiles);
  const identities = profiles.map((p) => [tenantId, "email", p[3], p[0], "webhook", now]);
  await insertJson(db, `INSERT INTO identities (tenant_id, kind, value, profile_id, linked_by, created_at) SELECT ${pick(6)} FROM json_each(?1)`, identities);
  const orders = Array.from({ length: size.orders }, (_, i) => [tenantId, `7${String(i).padStart(15, "0")}`, (1_999 + i) / 100, 0, JSON.stringify([{ sku: `S-${i % size.products}`, quantity: 1 + (i % 3) }]), now - i * 1_000, now, `prof_${tenantId}_${i % size.customers}`]);
  await insertJson(db, `INSERT INTO orders (tenant_id, shopify_order_id, total_price, total_refunded, line_items, ordered_at, updated_at, profile_id) SELECT ${pick(8)} FROM json_each(?1)`, orders);
  const events = Array.from({ length: size.orders * size.eventsPerOrder }, (_, i) => [`evt_${tenantId}_${i}`, tenantId, i % 2 ? "page_viewed" : "order_placed", i % 2 ? "pixel" : "webhook", now - i, now, `dedup-${i}`, JSON.stringify({ n: i, price: i / 7 })]);
  await insertJson(db, `INSERT INTO events (id, tenant_id, name, source, occurred_at, received_at, dedup_key, properties) SELECT ${pick(8)} FROM json_each(?1)`, events);
  const products = Array.from({ length: size.products }, (_, i) => [`prd_${tenantId}_${i}`, tenantId, "webhook", `Product ${i}`, "[]", JSON.stringify({ handle: `p-${i}` }), 0, now, now]);
  await insertJson(db, `INSERT INTO products (id, tenant_id, origin, title, tags, data, mention_count_30d, created_at, updated_at) SELECT ${pick(9)} FROM json_each(?1)`, products);
  // One row each of the tenant's settings and its month's event counter: read from its shard, so they move with it.
  await db.batch([
    db.prepare("INSERT INTO tenant_settings (tenant_id, tracked_events, sampling_percent, updated_at) VALUES (?1, '[\"page_viewed\"]', 50, ?2)").bind(tenantId, now),
    db.prepare("INSERT INTO usage_counters (tenant_id, period, events, updated_at) VALUES (?1, '2026-12', ?2, ?3)").bind(tenantId, size.orders * size.eventsPerOrder, now),
  ]);
}

/** Points the tenant's directory entry at `shard`, active, and drops this isolate's cached entry. */
export async function placeTenant(tenantId: string, shard: string): Promise<void> {
  const t = getTableConfig(tenantShardsTable).name;
  await env.DB.prepare(`INSERT INTO ${t} (tenant_id, shard, state, updated_at) VALUES (?1, ?2, 'active', ?3) ON CONFLICT (tenant_id) DO UPDATE SET shard = ?2, state = 'active'`)
    .bind(tenantId, shard, Date.now())
    .run();
  forgetTenantShard(tenantId);
}

/** Every data row of the tenant on `db`, table by table in key order, as D1 reads them: what a move must carry over whole. */
export async function tenantRows(db: D1Database, tenantId: string): Promise<Record<string, unknown[]>> {
  const rows: Record<string, unknown[]> = {};
  for (const table of MOVE_TABLES) {
    const results = await db.prepare(`SELECT * FROM "${table.name}" WHERE tenant_id = ?1 ORDER BY ${table.key.map((k) => `"${k}"`).join(", ")}`).bind(tenantId).raw();
    rows[table.name] = results;
  }
  return rows;
}
