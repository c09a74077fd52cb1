import { newId } from "../../lib/ids.ts";
import { factTime, type FactContext } from "./fact-context.ts";
import type { FulfillmentFact, OrderEditFact, RefundFact } from "./facts.ts";
import { planEvent, type IngestPlan } from "./ingest-plan.ts";

/** Refunds, fulfillments and edits name only their order; the event finds its profile through that order. */
export function applyRefundFact(plan: IngestPlan, ctx: FactContext, fact: RefundFact): void {
  const at = factTime(ctx, fact.createdAt);
  planEvent(plan, {
    tenantId: ctx.tenantId,
    id: newId("event"),
    name: "refund",
    source: ctx.source,
    occurredAt: at,
    receivedAt: ctx.receivedAt,
    orderRef: fact.orderId,
    dedupKey: `refund:${fact.refundId}`,
    sourceUpdatedAt: at,
    properties: { refundId: fact.refundId, orderId: fact.orderId, amount: fact.amount, currency: fact.currency, note: fact.note, lineItems: fact.lineItems },
  });
}

export function applyFulfillmentFact(plan: IngestPlan, ctx: FactContext, fact: FulfillmentFact, trigger: "created" | "updated"): void {
  const updatedAt = factTime(ctx, fact.updatedAt);
  const created = trigger === "created";
  planEvent(plan, {
    tenantId: ctx.tenantId,
    id: newId("event"),
    name: created ? "fulfillment_created" : "fulfillment_updated",
    source: ctx.source,
    occurredAt: created ? factTime(ctx, fact.createdAt, fact.updatedAt) : updatedAt,
    receivedAt: ctx.receivedAt,
    orderRef: fact.orderId,
    dedupKey: created ? `fulfillment_created:${fact.fulfillmentId}` : `fulfillment_updated:${fact.fulfillmentId}:${updatedAt}`,
    sourceUpdatedAt: updatedAt,
    properties: {
      fulfillmentId: fact.fulfillmentId,
      orderId: fact.orderId,
      status: fact.status,
      shipmentStatus: fact.shipmentStatus,
      trackingCompany: fact.trackingCompany,
      trackingNumbers: fact.trackingNumbers,
      lineItemIds: fact.lineItemIds,
    },
  });
}

export function applyOrderEditFact(plan: IngestPlan, ctx: FactContext, fact: OrderEditFact): void {
  const at = factTime(ctx, fact.committedAt);
  planEvent(plan, {
    tenantId: ctx.tenantId,
    id: newId("event"),
    name: "order_modified",
    source: ctx.source,
    occurredAt: at,
    receivedAt: ctx.receivedAt,
    orderRef: fact.orderId,
    dedupKey: `order_modified:${fact.orderEditId}`,
    sourceUpdatedAt: at,
    properties: { orderId: fact.orderId, orderEditId: fact.orderEditId, added: fact.added, removed: fact.removed },
  });
}
