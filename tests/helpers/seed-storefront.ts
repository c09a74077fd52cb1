import { tenantDb } from "./tenant-db.ts";

export type OrderSeed = { orderId: string; productIds: string[]; orderedAt: number; profileId?: string | null; customerId?: string | null };
export type ProductSeed = { productId: string; title?: string; handle?: string; price?: number; status?: string; deletedAt?: number | null };

/** Live catalog rows straight in D1 (Shopify product ids as given), newest last. */
export async function seedCatalog(tenantId: string, seeds: ProductSeed[]): Promise<void> {
  const now = Date.now();
  const rows = seeds.map((seed, i) => ({
    id: `prd_${tenantId}_${seed.productId}`,
    pid: seed.productId,
    title: seed.title ?? `Product ${seed.productId}`,
    handle: seed.handle ?? `product-${seed.productId}`,
    price: seed.price ?? 10 + (i % 40),
    status: seed.status ?? "active",
    at: now - (seeds.length - i) * 1000,
    deleted: seed.deletedAt ?? null,
  }));
  const db = await tenantDb(tenantId);
  for (let start = 0; start < rows.length; start += 500) {
    await db.prepare(
      `insert into products (id, tenant_id, shopify_product_id, origin, handle, title, status, tags, price_min, price_max, data, created_at, updated_at, deleted_at)
       select j.value ->> 'id', ?1, j.value ->> 'pid', 'shopify', j.value ->> 'handle', j.value ->> 'title', j.value ->> 'status', '[]',
         j.value ->> 'price', j.value ->> 'price', json_object('images', json_array(json_object('src', 'https://cdn.example/' || (j.value ->> 'pid') || '.png'))),
         j.value ->> 'at', j.value ->> 'at', j.value ->> 'deleted'
       from json_each(?2) j`,
    )
      .bind(tenantId, JSON.stringify(rows.slice(start, start + 500)))
      .run();
  }
}

/** Orders with one line per product, written in chunks of 500 through json_each (6,000 orders in a few statements). */
export async function seedOrders(tenantId: string, seeds: OrderSeed[]): Promise<void> {
  const rows = seeds.map((seed) => ({
    id: seed.orderId,
    profile: seed.profileId ?? null,
    customer: seed.customerId ?? null,
    at: seed.orderedAt,
    lines: seed.productIds.map((productId, i) => ({ lineItemId: `${seed.orderId}-${i}`, productId, variantId: null, sku: null, title: null, quantity: 1, price: 10 })),
  }));
  const db = await tenantDb(tenantId);
  for (let start = 0; start < rows.length; start += 500) {
    await db.prepare(
      `insert into orders (tenant_id, shopify_order_id, profile_id, shopify_customer_id, total_price, line_items, ordered_at, source_updated_at, updated_at)
       select ?1, j.value ->> 'id', j.value ->> 'profile', j.value ->> 'customer', 10, j.value -> 'lines', j.value ->> 'at', j.value ->> 'at', j.value ->> 'at'
       from json_each(?2) j`,
    )
      .bind(tenantId, JSON.stringify(rows.slice(start, start + 500)))
      .run();
  }
}

/** A customer segment with the given current members, written straight to D1 (no rule evaluation). */
export async function seedSegmentWithMembers(tenantId: string, slug: string, profileIds: string[]): Promise<string> {
  const id = `seg_${slug}_${crypto.randomUUID().slice(0, 8)}`;
  const now = Date.now();
  const db = await tenantDb(tenantId);
  await db.prepare(
    `insert into segments (id, tenant_id, slug, name, kind, query, query_json, push_mode, member_count, last_computed_at, created_at, updated_at)
     values (?, ?, ?, ?, 'customer', 'orders_count >= 0', '{}', 'none', ?, ?, ?, ?)`,
  )
    .bind(id, tenantId, slug, slug, profileIds.length, now, now, now)
    .run();
  await db.prepare(
    "insert into segment_memberships (tenant_id, segment_id, member_id, entered_at) select ?1, ?2, j.value, ?3 from json_each(?4) j",
  )
    .bind(tenantId, id, now, JSON.stringify(profileIds))
    .run();
  return id;
}

/** A deterministic generator (mulberry32), so generated shops are the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
