import { tenantContextOf } from "./service-context.ts";
import { tenantDb } from "./tenant-db.ts";
import { joinBulkLines } from "../../worker/services/backfill/join-bulk-lines.ts";
import { planBulkRecords } from "../../worker/services/backfill/plan-bulk-records.ts";
import { applyProductFact, newIngestPlan, readProductFact, writeIngestPlan, type IngestPlan } from "../../worker/services/ingest/index.ts";

export type SeededProduct = { id: string; shopifyProductId: string };

async function written(tenantId: string, plan: IngestPlan): Promise<SeededProduct> {
  const db = await tenantDb(tenantId);
  await writeIngestPlan({ ctx: await tenantContextOf(tenantId), input: { plan } });
  const shopifyProductId = plan.products[0]!.productId;
  const row = await db.prepare("select id from products where tenant_id = ? and shopify_product_id = ?").bind(tenantId, shopifyProductId).first<{ id: string }>();
  if (!row) throw new Error(`product ${shopifyProductId} was not written`);
  return { id: row.id, shopifyProductId };
}

/** A `products/create|update` payload stored through the real reader and writer, as the ingest consumer stores it. */
export async function seedWebhookProduct(tenantId: string, payload: Record<string, unknown>): Promise<SeededProduct> {
  const fact = readProductFact(payload);
  if (!fact.ok) throw new Error(`unreadable product: ${JSON.stringify(fact.error)}`);
  const plan = newIngestPlan();
  applyProductFact(plan, { tenantId, source: "webhook", receivedAt: Date.now(), triggeredAt: null }, fact.value);
  return written(tenantId, plan);
}

/** Bulk export lines (a `Product` and its children with `__parentId`) planned and stored as the backfill does. */
export async function seedBulkProduct(tenantId: string, lines: Record<string, unknown>[]): Promise<SeededProduct> {
  const ctx = { tenantId, source: "backfill" as const, receivedAt: Date.now(), triggeredAt: null, knownCheckoutTokens: new Map<string, string>() };
  const { plan, planned } = planBulkRecords("products", ctx, joinBulkLines(lines).roots);
  if (planned !== 1) throw new Error(`expected one planned product, got ${planned}`);
  return written(tenantId, plan);
}

export async function storedScore(tenantId: string, productId: string) {
  const row = await (await tenantDb(tenantId))
    .prepare("select ai_score, ai_recommendations, ai_scored_at from products where tenant_id = ? and id = ?")
    .bind(tenantId, productId)
    .first<{ ai_score: number | null; ai_recommendations: string | null; ai_scored_at: number | null }>();
  return row && { score: row.ai_score, recommendations: row.ai_recommendations === null ? null : (JSON.parse(row.ai_recommendations) as unknown[]), scoredAt: row.ai_scored_at };
}
