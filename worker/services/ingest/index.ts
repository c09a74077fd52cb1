/**
 * The ingest unit's reusable surface, for every source of Shopify data (webhooks, the bulk backfill, reconciliation):
 * read a payload into a fact, apply facts to an IngestPlan (same canonical events, same business keys whatever the
 * source), then write the plan as one D1 batch.
 */
export type * from "./facts.ts";
export { readCustomerFact, readEmbeddedCustomer } from "./read-customer-fact.ts";
export { readOrderFact } from "./read-order-fact.ts";
export { readCartFact, readCheckoutFact } from "./read-checkout-fact.ts";
export { readDeletedId, readProductFact } from "./read-product-fact.ts";
export { readFulfillmentFact, readOrderEditFact, readRefundFact } from "./read-order-change-facts.ts";
export { readConsentFact } from "./read-consent-fact.ts";
export { factTime, type FactContext } from "./fact-context.ts";
export { applyConsentFact, applyCustomerDeleted, applyCustomerFact, type CustomerTrigger } from "./apply-customer-fact.ts";
export { applyOrderDeleted, applyOrderFact, type OrderTrigger } from "./apply-order-fact.ts";
export { applyCartFact, applyCheckoutFact, type CheckoutTrigger } from "./apply-checkout-fact.ts";
export { applyFulfillmentFact, applyOrderEditFact, applyRefundFact } from "./apply-order-change-facts.ts";
export { applyProductDeleted, applyProductFact } from "./apply-product-fact.ts";
export { mapPixelEvent, type PixelContext } from "./map-pixel-event.ts";
export { mapWebhookTopic, MAPPED_TOPICS } from "./map-webhook-topic.ts";
export { CANONICAL_EVENT_NAMES, EVENT_PROPERTIES, type CanonicalEventName } from "./event-properties.ts";
export { checkPlannedEvents } from "./check-planned-events.ts";
export { mergeIngestPlan, newIngestPlan, planEvent, planOrRollBack, type IngestPlan, type PlannedEvent } from "./ingest-plan.ts";
export { writeIngestPlan } from "./write-ingest-plan.ts";
export { dropRedactedSubjects } from "./drop-redacted-subjects.ts";
