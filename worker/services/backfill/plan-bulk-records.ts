import type { BackfillResource } from "../../../queues/backfill-messages.ts";
import { ok, type Result } from "../../lib/result.ts";
import { applyCheckoutFact, applyCustomerFact, applyOrderFact, applyProductFact, checkPlannedEvents, newIngestPlan, planOrRollBack, type FactContext, type IngestPlan } from "../ingest/index.ts";
import type { Unmappable } from "../../shopify/payload/read-result.ts";
import { quarantineRow } from "../quarantine/index.ts";
import { childValues, type BulkNode } from "./join-bulk-lines.ts";
import { readBulkCheckout } from "./read-bulk-checkout.ts";
import { readBulkCustomer } from "./read-bulk-customer.ts";
import { readBulkOrder } from "./read-bulk-order.ts";
import { readBulkProduct } from "./read-bulk-product.ts";

export type BulkPlanContext = FactContext & { source: "backfill"; knownCheckoutTokens: ReadonlyMap<string, string> };

export type PlannedRecords = { plan: IngestPlan; planned: number; skipped: number };

function via<T>(read: Result<T, Unmappable>, apply: (fact: T) => void): Result<void, Unmappable> {
  if (!read.ok) return read;
  apply(read.value);
  return ok(undefined);
}

/** Backfilled records are seen whole: the `snapshot` trigger emits exactly the events their webhooks would have. */
function applyRecord(plan: IngestPlan, resource: BackfillResource, ctx: BulkPlanContext, node: BulkNode): Result<void, Unmappable> {
  const { value } = node;
  switch (resource) {
    case "orders":
      return via(readBulkOrder(value, childValues(node, "LineItem")), (fact) => applyOrderFact(plan, ctx, fact, "snapshot"));
    case "customers":
      return via(readBulkCustomer(value), (fact) => applyCustomerFact(plan, ctx, fact, "snapshot"));
    case "products":
      return via(readBulkProduct(value, childValues(node, "ProductVariant"), childValues(node, "ProductImage")), (fact) => applyProductFact(plan, ctx, fact));
    case "abandoned_checkouts":
      return via(readBulkCheckout(value, childValues(node, "AbandonedCheckoutLineItem"), ctx.knownCheckoutTokens), (fact) =>
        applyCheckoutFact(plan, ctx, fact, "snapshot"),
      );
  }
}

/** One plan for a chunk of records; a record that cannot be read or mapped is quarantined with its reason, never dropped. */
export function planBulkRecords(resource: BackfillResource, ctx: BulkPlanContext, roots: readonly BulkNode[]): PlannedRecords {
  const plan = newIngestPlan();
  let skipped = 0;
  for (const node of roots) {
    const planned = planOrRollBack(plan, () => {
      const first = plan.events.length;
      const applied = applyRecord(plan, resource, ctx, node);
      return applied.ok ? checkPlannedEvents(plan.events, first) : applied;
    });
    if (planned.ok) continue;
    skipped++;
    plan.quarantine.push(
      quarantineRow({
        tenantId: ctx.tenantId,
        shopDomain: null,
        source: "backfill",
        topic: `backfill/${resource}`,
        reason: planned.error.reason,
        payload: JSON.stringify({ ...node.value, children: node.children }),
        headers: {},
        receivedAt: ctx.receivedAt,
      }),
    );
  }
  return { plan, planned: roots.length - skipped, skipped };
}
