import { tenantDb } from "./tenant-db.ts";
import type { ProductSyncResponse } from "../../worker/routes/admin/product-sync.ts";
import type { PushJobView } from "../../worker/services/catalog/metafields/push-job.ts";
import { scoreProducts } from "../../worker/services/catalog/score-products.ts";
import { adminJson, installShop, sim, waitForAdmin, type InstalledShop } from "./harness.ts";
import { completeProduct } from "./product-payloads.ts";
import { seedWebhookProduct } from "./seed-products.ts";
import { tenantContextOf } from "./service-context.ts";
import { sendDelivery } from "./webhook-requests.ts";
import { waitFor } from "./wait-for.ts";

/** An installed simulator shop holding `products` products and nothing else, its backfill (and first scoring) done. */
export async function installCatalogShop(products: number): Promise<InstalledShop> {
  const installed = await installShop({ size: { products, customers: 0, orders: 0, abandonedCheckouts: 0 } });
  await waitFor(
    async () => (await tenantDb(installed.tenantId)).prepare("SELECT 1 AS done FROM jobs WHERE tenant_id = ? AND kind = 'backfill' AND finished_at IS NOT NULL").bind(installed.tenantId).first(),
    { what: "the install's backfill" },
  );
  return installed;
}

/** Starts a metafield push from the admin ("push now") and waits until a push created after `since` has finished. */
export async function pushNow(shop: string, since = 0): Promise<PushJobView> {
  await adminJson(shop, "/product-sync/push", { method: "POST" });
  return settledMetafieldPush(shop, since);
}

export async function settledMetafieldPush(shop: string, since = 0): Promise<PushJobView> {
  const answer = await waitForAdmin<ProductSyncResponse>(shop, "/product-sync", (a) => a.push.current === null && a.push.last !== null && Date.parse(a.push.last.createdAt) > since);
  return answer.push.last!;
}

/** The `$app:segops` metafields Shopify holds, by numeric product id then key. */
export async function shopifyMetafields(shop: string): Promise<Record<string, Record<string, string>>> {
  const state = await sim().state(shop);
  const out: Record<string, Record<string, string>> = {};
  for (const [owner, fields] of Object.entries(state.metafields)) {
    for (const [name, { value }] of Object.entries(fields)) {
      const key = /--segops\.(.+)$/.exec(name)?.[1];
      if (!key) continue;
      const id = owner.split("/").pop()!;
      out[id] = { ...out[id], [key]: value };
    }
  }
  return out;
}

/** Sends the worker every webhook the simulator has held back for `shop` (app-caused ones included) and answers their topics. */
export async function deliverOutbox(shop: string): Promise<string[]> {
  await sim().settled();
  const topics: string[] = [];
  for (const delivery of await sim().outbox(shop)) {
    const response = await sendDelivery(delivery);
    if (response.status !== 200) throw new Error(`${delivery.topic} answered ${response.status}`);
    topics.push(delivery.topic);
  }
  return topics;
}

export type CatalogRow = { id: string; shopify_product_id: string; ai_score: number | null; ai_scored_at: number | null; updated_at: number; source_updated_at: number | null; metafields_digest: string | null };

export async function catalogRows(tenantId: string): Promise<CatalogRow[]> {
  const { results } = await (await tenantDb(tenantId)).prepare(
    "SELECT id, shopify_product_id, ai_score, ai_scored_at, updated_at, source_updated_at, metafields_digest FROM products WHERE tenant_id = ? ORDER BY id",
  )
    .bind(tenantId)
    .all<CatalogRow>();
  return results;
}

/** A metafield push job row with no queue message, for driving `pushMetafields` run by run. */
export async function queuedPushJob(tenantId: string): Promise<string> {
  const id = `job_test_${crypto.randomUUID()}`;
  await (await tenantDb(tenantId)).prepare("INSERT INTO jobs (id, tenant_id, kind, status, params, result, created_at) VALUES (?, ?, 'metafield_push', 'queued', ?, '{}', ?)")
    .bind(id, tenantId, JSON.stringify({ reason: "manual" }), Date.now())
    .run();
  return id;
}

export async function pushJobResult(tenantId: string, jobId: string): Promise<{ status: string; result: Record<string, unknown> }> {
  const row = await (await tenantDb(tenantId))
    .prepare("SELECT status, result FROM jobs WHERE tenant_id = ? AND id = ?")
    .bind(tenantId, jobId).first<{ status: string; result: string }>();
  return { status: row!.status, result: JSON.parse(row!.result) as Record<string, unknown> };
}

/**
 * A small scored catalog for the listing: socks (100), socks without images (85), a thin "Mug" by another vendor
 * (low), and an unscored product.
 */
export async function seedScoredCatalog(tenantId: string): Promise<Record<"socks" | "bare" | "mug" | "unscored", string>> {
  const socks = await seedWebhookProduct(tenantId, completeProduct({ id: 9101 }));
  const bare = await seedWebhookProduct(tenantId, completeProduct({ id: 9102, title: "Merino wool hiking socks", images: [] }));
  const mug = await seedWebhookProduct(tenantId, { id: 9103, title: "Mug", vendor: "Acme", product_type: "Kitchen", updated_at: "2026-11-01T10:00:00Z" });
  const unscored = await seedWebhookProduct(tenantId, completeProduct({ id: 9104, title: "Merino wool liner socks" }));
  await scoreProducts({ ctx: await tenantContextOf(tenantId), input: { productIds: [socks.id, bare.id, mug.id] } });
  return { socks: socks.id, bare: bare.id, mug: mug.id, unscored: unscored.id };
}
