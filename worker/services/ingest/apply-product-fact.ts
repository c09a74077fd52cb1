import { factTime, type FactContext } from "./fact-context.ts";
import type { ProductFact } from "./facts.ts";
import type { IngestPlan } from "./ingest-plan.ts";

/** Catalog upsert (newest `updated_at` wins); skipped in SQL when the tenant turned inbound product sync off. */
export function applyProductFact(plan: IngestPlan, ctx: FactContext, fact: ProductFact): void {
  plan.products.push({ ...fact, tenantId: ctx.tenantId, sourceUpdatedAt: factTime(ctx, fact.updatedAt) });
}

/** Deletes are soft, and lose to an update Shopify made after them. */
export function applyProductDeleted(plan: IngestPlan, ctx: FactContext, productId: string): void {
  plan.productDeletes.push({ tenantId: ctx.tenantId, productId, at: factTime(ctx) });
}
