import { newId } from "../../lib/ids.ts";
import { factTime, type FactContext } from "./fact-context.ts";
import type { ConsentFact, CustomerFact } from "./facts.ts";
import { planEvent, type IngestPlan } from "./ingest-plan.ts";

/** `created`/`updated` come from customer webhooks, `snapshot` from the backfill, `embedded` from orders and checkouts. */
export type CustomerTrigger = "created" | "updated" | "snapshot" | "embedded";

/** Upserts the profile (newest `updated_at` wins, null never erases), links the e-mail, emits the customer event. */
export function applyCustomerFact(plan: IngestPlan, ctx: FactContext, fact: CustomerFact, trigger: CustomerTrigger): void {
  const sourceUpdatedAt = trigger === "embedded" ? fact.updatedAt : factTime(ctx, fact.updatedAt);
  plan.customers.push({ ...fact, tenantId: ctx.tenantId, sourceUpdatedAt });
  if (fact.email) {
    plan.links.push({ tenantId: ctx.tenantId, kind: "email", value: fact.email, customerId: fact.customerId, linkedBy: `customer:${fact.customerId}` });
  }
  if (trigger === "embedded") return;

  const properties = {
    customerId: fact.customerId,
    state: fact.state,
    countryCode: fact.countryCode,
    tags: fact.tags,
    emailMarketingState: fact.emailMarketingState,
    smsMarketingState: fact.smsMarketingState,
  };
  const base = { tenantId: ctx.tenantId, id: newId("event"), source: ctx.source, receivedAt: ctx.receivedAt, customerId: fact.customerId };
  if (trigger === "updated") {
    const at = factTime(ctx, fact.updatedAt);
    planEvent(plan, {
      ...base,
      name: "customer_updated",
      occurredAt: at,
      dedupKey: `customer_updated:${fact.customerId}:${at}`,
      sourceUpdatedAt: at,
      properties,
    });
    return;
  }
  planEvent(plan, {
    ...base,
    name: "customer_created",
    occurredAt: factTime(ctx, fact.createdAt, fact.updatedAt),
    dedupKey: `customer_created:${fact.customerId}`,
    sourceUpdatedAt: sourceUpdatedAt,
    properties,
  });
}

/** Marketing consent: the state lands on the profile unless the profile already holds something newer. */
export function applyConsentFact(plan: IngestPlan, ctx: FactContext, fact: ConsentFact): void {
  const at = factTime(ctx, fact.consentUpdatedAt);
  plan.customers.push({
    tenantId: ctx.tenantId,
    customerId: fact.customerId,
    email: null,
    phone: null,
    firstName: null,
    lastName: null,
    countryCode: null,
    tags: null,
    state: null,
    emailMarketingState: fact.channel === "email" ? fact.state : null,
    smsMarketingState: fact.channel === "sms" ? fact.state : null,
    createdAt: null,
    updatedAt: at,
    sourceUpdatedAt: at,
  });
  planEvent(plan, {
    tenantId: ctx.tenantId,
    id: newId("event"),
    name: "consent_change",
    source: ctx.source,
    occurredAt: at,
    receivedAt: ctx.receivedAt,
    customerId: fact.customerId,
    dedupKey: `consent_change:${fact.customerId}:${fact.channel}:${at}`,
    sourceUpdatedAt: at,
    properties: { customerId: fact.customerId, channel: fact.channel, state: fact.state, optInLevel: fact.optInLevel },
  });
}

/** `customers/delete`: Shopify removed the customer; the profile and its history stay until a redact asks otherwise. */
export function applyCustomerDeleted(plan: IngestPlan, ctx: FactContext, customerId: string): void {
  planEvent(plan, {
    tenantId: ctx.tenantId,
    id: newId("event"),
    name: "customer_deleted",
    source: ctx.source,
    occurredAt: factTime(ctx),
    receivedAt: ctx.receivedAt,
    customerId,
    dedupKey: `customer_deleted:${customerId}`,
    sourceUpdatedAt: factTime(ctx),
    properties: { customerId },
  });
}
