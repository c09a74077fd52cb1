import { tenantDb } from "./tenant-db.ts";
import { apiFetch } from "./api-fetch.ts";

export const jsonInit = (method: string, body: unknown): RequestInit => ({ method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

/** A customer segment `slug` created through the API, its push mode then set in D1, so no push runs in the background. */
export async function segmentPushing(tenant: { tenantId: string; serverKey: string }, slug: string, pushMode: "none" | "tags" | "native"): Promise<string> {
  const res = await apiFetch(tenant.serverKey, "/segments", { method: "POST", body: { name: slug, kind: "customer", query: 'tags contains "vip"' } });
  if (res.status !== 201) throw new Error(`create segment: ${res.status} ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  await (await tenantDb(tenant.tenantId)).prepare("UPDATE segments SET push_mode = ? WHERE tenant_id = ? AND id = ?").bind(pushMode, tenant.tenantId, id).run();
  return id;
}

/** `count` active rules (whole-order unless `targets` says otherwise) written straight to D1 (no Shopify call), answering their ids. */
export async function insertActiveRules(tenantId: string, segmentId: string, count: number, targets: { target: string; ids: (n: number) => string[] } | null = null): Promise<string[]> {
  const now = Date.now();
  const ids = Array.from({ length: count }, (_, i) => `dsc_${crypto.randomUUID().replaceAll("-", "").slice(0, 15)}${String(i).padStart(4, "0")}`);
  const db = await tenantDb(tenantId);
  await db.batch(
    ids.map((id, i) =>
      db.prepare(
        `INSERT INTO discount_rules (id, tenant_id, segment_id, title, value_type, value, discount_class, status, target, target_ids, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'percentage', '5', ?, 'active', ?, ?, ?, ?)`,
      ).bind(id, tenantId, segmentId, `Rule ${i}`, targets ? "PRODUCT" : "ORDER", targets?.target ?? "order", JSON.stringify(targets?.ids(i) ?? []), now, now),
    ),
  );
  return ids;
}
