import { newId } from "../../lib/ids.ts";
import { applyCustomerFact } from "./apply-customer-fact.ts";
import { factTime, isoTime, lineItemProperties, type FactContext } from "./fact-context.ts";
import type { OrderFact } from "./facts.ts";
import { planEvent, type IngestPlan } from "./ingest-plan.ts";

/** Which order webhook carried the fact; `snapshot` is a backfilled or reconciled order seen whole. */
export type OrderTrigger = "created" | "paid" | "updated" | "cancelled" | "snapshot";

const PAID_STATUSES = new Set(["paid", "partially_refunded", "refunded"]);

export function orderProperties(fact: OrderFact) {
  return {
    orderId: fact.orderId,
    name: fact.name,
    currency: fact.currency,
    totalPrice: fact.totalPrice,
    subtotalPrice: fact.subtotalPrice,
    totalTax: fact.totalTax,
    totalDiscounts: fact.totalDiscounts,
    totalRefunded: fact.totalRefunded,
    financialStatus: fact.financialStatus,
    fulfillmentStatus: fact.fulfillmentStatus,
    checkoutToken: fact.checkoutToken,
    cartToken: fact.cartToken,
    customerId: fact.customer?.customerId ?? null,
    sourceName: fact.sourceName,
    lineItems: lineItemProperties(fact.lineItems),
    cancelledAt: isoTime(fact.cancelledAt),
    cancelReason: fact.cancelReason,
  };
}

/**
 * Stores the order (newest `updated_at` wins), fills in its profile and checkout, links the checkout and cart tokens
 * to the customer, and emits the trigger's events under business keys every source shares: `purchase:<id>`,
 * `order_created:<id>`, `order_cancelled:<id>`, `order_updated:<id>:<updated_at>`.
 */
export function applyOrderFact(plan: IngestPlan, ctx: FactContext, fact: OrderFact, trigger: OrderTrigger): void {
  const { tenantId } = ctx;
  const customerId = fact.customer?.customerId ?? null;
  const updatedAt = factTime(ctx, fact.updatedAt);
  const orderedAt = factTime(ctx, fact.processedAt, fact.createdAt);
  if (fact.customer) applyCustomerFact(plan, ctx, fact.customer, "embedded");
  plan.orders.push({
    tenantId,
    orderId: fact.orderId,
    customerId,
    name: fact.name,
    currency: fact.currency,
    totalPrice: fact.totalPrice,
    totalRefunded: fact.totalRefunded,
    financialStatus: fact.financialStatus,
    checkoutToken: fact.checkoutToken,
    cartToken: fact.cartToken,
    lineItems: fact.lineItems,
    orderedAt,
    cancelledAt: fact.cancelledAt,
    sourceUpdatedAt: updatedAt,
  });
  plan.recompute.push({ tenantId, customerId, orderId: fact.orderId });
  linkOrderTokens(plan, ctx, fact, orderedAt);

  const properties = orderProperties(fact);
  const base = { tenantId, source: ctx.source, receivedAt: ctx.receivedAt, customerId, orderRef: fact.orderId, sourceUpdatedAt: updatedAt, properties };
  const emit = (name: "purchase" | "order_created" | "order_cancelled" | "order_updated", occurredAt: number, dedupKey: string) =>
    planEvent(plan, { ...base, id: newId("event"), name, occurredAt, dedupKey });

  const created = () => emit("order_created", factTime(ctx, fact.createdAt, fact.processedAt), `order_created:${fact.orderId}`);
  const purchase = () => emit("purchase", orderedAt, `purchase:${fact.orderId}`);
  const cancelled = () => emit("order_cancelled", factTime(ctx, fact.cancelledAt, fact.updatedAt), `order_cancelled:${fact.orderId}`);
  switch (trigger) {
    case "created":
      created();
      return;
    case "paid":
      purchase();
      return;
    case "cancelled":
      cancelled();
      return;
    case "updated":
      emit("order_updated", updatedAt, `order_updated:${fact.orderId}:${updatedAt}`);
      return;
    case "snapshot":
      created();
      if (fact.financialStatus !== null && PAID_STATUSES.has(fact.financialStatus)) purchase();
      if (fact.cancelledAt !== null) cancelled();
      return;
  }
}

function linkOrderTokens(plan: IngestPlan, ctx: FactContext, fact: OrderFact, completedAt: number): void {
  const { tenantId } = ctx;
  const customerId = fact.customer?.customerId ?? null;
  const linkedBy = `order:${fact.orderId}`;
  if (customerId && fact.cartToken) plan.links.push({ tenantId, kind: "cart_token", value: fact.cartToken, customerId, linkedBy });
  if (!fact.checkoutToken) return;
  if (customerId) plan.links.push({ tenantId, kind: "checkout_token", value: fact.checkoutToken, customerId, linkedBy });
  plan.checkoutTokens.push({ tenantId, token: fact.checkoutToken });
  plan.checkouts.push({
    tenantId,
    token: fact.checkoutToken,
    cartToken: fact.cartToken,
    checkoutId: fact.checkoutId,
    customerId,
    anonymousId: null,
    orderId: fact.orderId,
    totalPrice: null,
    currency: null,
    enrichment: null,
    startedAt: null,
    completedAt,
    sourceUpdatedAt: null,
  });
}

/** `orders/delete`: the order stops counting towards its customer's aggregates; its events stay as history. */
export function applyOrderDeleted(plan: IngestPlan, ctx: FactContext, orderId: string): void {
  const at = factTime(ctx);
  plan.orderDeletes.push({ tenantId: ctx.tenantId, orderId, at });
  plan.recompute.push({ tenantId: ctx.tenantId, customerId: null, orderId });
  planEvent(plan, {
    tenantId: ctx.tenantId,
    id: newId("event"),
    name: "order_deleted",
    source: ctx.source,
    occurredAt: at,
    receivedAt: ctx.receivedAt,
    orderRef: orderId,
    dedupKey: `order_deleted:${orderId}`,
    sourceUpdatedAt: at,
    properties: { orderId },
  });
}
