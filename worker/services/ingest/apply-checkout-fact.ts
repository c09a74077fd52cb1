import { newId } from "../../lib/ids.ts";
import { applyCustomerFact } from "./apply-customer-fact.ts";
import { factTime, lineItemProperties, type FactContext } from "./fact-context.ts";
import type { CartFact, CheckoutFact } from "./facts.ts";
import { planEvent, type IngestPlan } from "./ingest-plan.ts";

/** `created` and `snapshot` (an abandoned checkout from the backfill) both count the one `checkout_start:<token>`. */
export type CheckoutTrigger = "created" | "updated" | "snapshot";

export function applyCheckoutFact(plan: IngestPlan, ctx: FactContext, fact: CheckoutFact, trigger: CheckoutTrigger): void {
  const { tenantId } = ctx;
  const customerId = fact.customer?.customerId ?? null;
  const updatedAt = factTime(ctx, fact.updatedAt);
  if (fact.customer) applyCustomerFact(plan, ctx, fact.customer, "embedded");
  plan.checkouts.push({
    tenantId,
    token: fact.token,
    cartToken: fact.cartToken,
    checkoutId: fact.checkoutId,
    customerId,
    anonymousId: null,
    orderId: null,
    totalPrice: fact.totalPrice,
    currency: fact.currency,
    enrichment: null,
    startedAt: fact.createdAt,
    completedAt: fact.completedAt,
    sourceUpdatedAt: updatedAt,
  });
  plan.checkoutTokens.push({ tenantId, token: fact.token });
  if (customerId) {
    const linkedBy = `checkout:${fact.token}`;
    plan.links.push({ tenantId, kind: "checkout_token", value: fact.token, customerId, linkedBy });
    if (fact.cartToken) plan.links.push({ tenantId, kind: "cart_token", value: fact.cartToken, customerId, linkedBy });
  }

  const properties = {
    checkoutToken: fact.token,
    checkoutId: fact.checkoutId,
    cartToken: fact.cartToken,
    currency: fact.currency,
    totalPrice: fact.totalPrice,
    lineItems: lineItemProperties(fact.lineItems),
  };
  const base = { tenantId, id: newId("event"), source: ctx.source, receivedAt: ctx.receivedAt, customerId, sourceUpdatedAt: updatedAt, properties };
  if (trigger === "updated") {
    planEvent(plan, { ...base, name: "checkout_update", occurredAt: updatedAt, dedupKey: `checkout_update:${fact.token}:${updatedAt}` });
  } else {
    planEvent(plan, { ...base, name: "checkout_start", occurredAt: factTime(ctx, fact.createdAt, fact.updatedAt), dedupKey: `checkout_start:${fact.token}` });
  }
}

export function applyCartFact(plan: IngestPlan, ctx: FactContext, fact: CartFact, trigger: "created" | "updated"): void {
  const updatedAt = factTime(ctx, fact.updatedAt);
  const properties = {
    cartToken: fact.token,
    currency: fact.currency,
    itemCount: fact.lineItems.reduce((sum, item) => sum + item.quantity, 0),
    lineItems: lineItemProperties(fact.lineItems),
  };
  const base = { tenantId: ctx.tenantId, id: newId("event"), source: ctx.source, receivedAt: ctx.receivedAt, sourceUpdatedAt: updatedAt, properties };
  if (trigger === "created") {
    planEvent(plan, { ...base, name: "cart_create", occurredAt: factTime(ctx, fact.createdAt, fact.updatedAt), dedupKey: `cart_create:${fact.token}` });
  } else {
    planEvent(plan, { ...base, name: "cart_update", occurredAt: updatedAt, dedupKey: `cart_update:${fact.token}:${updatedAt}` });
  }
}
