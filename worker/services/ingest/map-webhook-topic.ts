import { err, ok, type Result } from "../../lib/result.ts";
import type { HandledTopic } from "../../shopify/webhook-topics.ts";
import { applyCheckoutFact, applyCartFact } from "./apply-checkout-fact.ts";
import { applyConsentFact, applyCustomerDeleted, applyCustomerFact } from "./apply-customer-fact.ts";
import { applyFulfillmentFact, applyOrderEditFact, applyRefundFact } from "./apply-order-change-facts.ts";
import { applyOrderDeleted, applyOrderFact } from "./apply-order-fact.ts";
import { applyProductDeleted, applyProductFact } from "./apply-product-fact.ts";
import type { FactContext } from "./fact-context.ts";
import type { IngestPlan } from "./ingest-plan.ts";
import { readCartFact, readCheckoutFact } from "./read-checkout-fact.ts";
import { readConsentFact } from "./read-consent-fact.ts";
import { readCustomerFact } from "./read-customer-fact.ts";
import { readFulfillmentFact, readOrderEditFact, readRefundFact } from "./read-order-change-facts.ts";
import { readOrderFact } from "./read-order-fact.ts";
import { readDeletedId, readProductFact } from "./read-product-fact.ts";
import type { Unmappable } from "../../shopify/payload/read-result.ts";

type Mapper = (plan: IngestPlan, ctx: FactContext, payload: unknown) => Result<void, Unmappable>;

function via<T>(read: (payload: unknown) => Result<T, Unmappable>, apply: (plan: IngestPlan, ctx: FactContext, fact: T) => void): Mapper {
  return (plan, ctx, payload) => {
    const fact = read(payload);
    if (!fact.ok) return fact;
    apply(plan, ctx, fact.value);
    return ok(undefined);
  };
}

/** Data topics → facts → canonical events (spec §3) or the catalog: one mapper per data topic the registry subscribes. */
const MAPPERS: Record<HandledTopic<"data">, Mapper> = {
  "orders/create": via(readOrderFact, (plan, ctx, fact) => applyOrderFact(plan, ctx, fact, "created")),
  "orders/paid": via(readOrderFact, (plan, ctx, fact) => applyOrderFact(plan, ctx, fact, "paid")),
  "orders/updated": via(readOrderFact, (plan, ctx, fact) => applyOrderFact(plan, ctx, fact, "updated")),
  "orders/fulfilled": via(readOrderFact, (plan, ctx, fact) => applyOrderFact(plan, ctx, fact, "updated")),
  "orders/partially_fulfilled": via(readOrderFact, (plan, ctx, fact) => applyOrderFact(plan, ctx, fact, "updated")),
  "orders/cancelled": via(readOrderFact, (plan, ctx, fact) => applyOrderFact(plan, ctx, fact, "cancelled")),
  "orders/edited": via(readOrderEditFact, applyOrderEditFact),
  "orders/delete": via((payload) => readDeletedId(payload, "deleted order"), applyOrderDeleted),
  "checkouts/create": via(readCheckoutFact, (plan, ctx, fact) => applyCheckoutFact(plan, ctx, fact, "created")),
  "checkouts/update": via(readCheckoutFact, (plan, ctx, fact) => applyCheckoutFact(plan, ctx, fact, "updated")),
  "carts/create": via(readCartFact, (plan, ctx, fact) => applyCartFact(plan, ctx, fact, "created")),
  "carts/update": via(readCartFact, (plan, ctx, fact) => applyCartFact(plan, ctx, fact, "updated")),
  "customers/create": via(readCustomerFact, (plan, ctx, fact) => applyCustomerFact(plan, ctx, fact, "created")),
  "customers/update": via(readCustomerFact, (plan, ctx, fact) => applyCustomerFact(plan, ctx, fact, "updated")),
  "customers/delete": via((payload) => readDeletedId(payload, "deleted customer"), applyCustomerDeleted),
  "customers_email_marketing_consent/update": via((payload) => readConsentFact(payload, "email"), applyConsentFact),
  "customers_marketing_consent/update": via((payload) => readConsentFact(payload, "sms"), applyConsentFact),
  "refunds/create": via(readRefundFact, applyRefundFact),
  "fulfillments/create": via(readFulfillmentFact, (plan, ctx, fact) => applyFulfillmentFact(plan, ctx, fact, "created")),
  "fulfillments/update": via(readFulfillmentFact, (plan, ctx, fact) => applyFulfillmentFact(plan, ctx, fact, "updated")),
  "products/create": via(readProductFact, applyProductFact),
  "products/update": via(readProductFact, applyProductFact),
  "products/delete": via((payload) => readDeletedId(payload, "deleted product"), applyProductDeleted),
};

const MAPPER_BY_TOPIC = new Map<string, Mapper>(Object.entries(MAPPERS));

export const MAPPED_TOPICS = [...MAPPER_BY_TOPIC.keys()];

export function mapWebhookTopic(plan: IngestPlan, ctx: FactContext, topic: string, payload: unknown): Result<void, Unmappable> {
  const mapper = MAPPER_BY_TOPIC.get(topic);
  if (!mapper) return err({ reason: `topic ${topic} is not mapped to events` });
  return mapper(plan, ctx, payload);
}
