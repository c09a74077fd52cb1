import { tenantDb } from "./tenant-db.ts";

export type StoredEvent = {
  id: string;
  name: string;
  source: string;
  dedup_key: string;
  profile_id: string | null;
  anonymous_id: string | null;
  occurred_at: number;
  properties: Record<string, unknown>;
};

/** Rows a tenant holds, read straight from D1 for assertions. */
export async function storedEvents(tenantId: string, name?: string): Promise<StoredEvent[]> {
  const db = await tenantDb(tenantId);
  const query = name
    ? db.prepare("select * from events where tenant_id = ? and name = ? order by occurred_at, id").bind(tenantId, name)
    : db.prepare("select * from events where tenant_id = ? order by occurred_at, id").bind(tenantId);
  const { results } = await query.all<Omit<StoredEvent, "properties"> & { properties: string }>();
  return results.map((row) => ({ ...row, properties: JSON.parse(row.properties) as Record<string, unknown> }));
}

export async function storedRows<T = Record<string, unknown>>(table: string, tenantId: string): Promise<T[]> {
  const { results } = await (await tenantDb(tenantId)).prepare(`select * from ${table} where tenant_id = ?`).bind(tenantId).all<T>();
  return results;
}

export async function profileByCustomer(tenantId: string, customerId: string) {
  return (await tenantDb(tenantId))
    .prepare("select * from profiles where tenant_id = ? and shopify_customer_id = ?")
    .bind(tenantId, customerId)
    .first<Record<string, unknown> & { id: string; orders_count: number; total_spent: number }>();
}
