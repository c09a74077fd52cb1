import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { jsonValues } from "../../../db/sql-json.ts";
import type { Deps } from "../../../context/deps.ts";
import { eventsTable } from "../../../db/schema/index.ts";
import { deleteInBatches, type StepProgress, type WorkBudget } from "../work-budget.ts";
import type { CustomerSubject } from "./load-customer-subject.ts";

const e = eventsTable;
const col = (column: { name: string }) => sql.identifier(column.name);

// Business keys (ingest's apply-*-fact.ts) of events about one order, checkout, cart or customer.
const exactKeys = (subject: CustomerSubject) => [
  ...subject.orderIds.flatMap((id) => [`order_created:${id}`, `purchase:${id}`, `order_cancelled:${id}`, `order_deleted:${id}`]),
  ...subject.checkoutTokens.map((token) => `checkout_start:${token}`),
  ...subject.cartTokens.map((token) => `cart_create:${token}`),
  ...subject.customerIds.flatMap((id) => [`customer_created:${id}`, `customer_deleted:${id}`]),
];
const keyPrefixes = (subject: CustomerSubject) => [
  ...subject.orderIds.map((id) => `order_updated:${id}:`),
  ...subject.checkoutTokens.map((token) => `checkout_update:${token}:`),
  ...subject.cartTokens.map((token) => `cart_update:${token}:`),
  ...subject.customerIds.flatMap((id) => [`customer_updated:${id}:`, `consent_change:${id}:`]),
];

// Events keyed by their own id that name an order or a checkout only in their properties.
const BY_ORDER_PROPERTY = ["refund", "fulfillment_created", "fulfillment_updated", "order_modified"];
const BY_CHECKOUT_PROPERTY = ["checkout_contact_info", "checkout_address_info", "checkout_shipping_info", "payment_info"];

/**
 * The customer's events, each way one can be found through an index: by profile, by the visitor ids linked to it,
 * by business keys built from its orders, tokens and customer id (a prefix range on the dedup index), and by the
 * order or checkout an event names in its properties (the name index, then the property).
 */
export function eventSelections(tenantId: string, subject: CustomerSubject): SQL[] {
  const tenant = eq(e.tenantId, tenantId);
  const selections: (SQL | undefined)[] = [
    subject.profileIds.length > 0 ? and(tenant, sql`${e.profileId} in ${jsonValues(subject.profileIds)}`) : undefined,
    subject.clientIds.length > 0 ? and(tenant, sql`${e.anonymousId} in ${jsonValues(subject.clientIds)}`) : undefined,
    exactKeys(subject).length > 0 ? and(tenant, sql`${e.dedupKey} in ${jsonValues(exactKeys(subject))}`) : undefined,
    keyPrefixes(subject).length > 0
      ? sql`rowid in (select ev.rowid from json_each(${JSON.stringify(keyPrefixes(subject))}) p join ${e} ev
          on ev.${col(e.tenantId)} = ${tenantId} and ev.${col(e.dedupKey)} > p.value and ev.${col(e.dedupKey)} < p.value || '~')`
      : undefined,
    subject.orderIds.length > 0
      ? and(tenant, inArray(e.name, BY_ORDER_PROPERTY), sql`json_extract(${e.properties}, '$.orderId') in ${jsonValues(subject.orderIds)}`)
      : undefined,
    subject.checkoutTokens.length > 0
      ? and(tenant, inArray(e.name, BY_CHECKOUT_PROPERTY), sql`json_extract(${e.properties}, '$.checkoutToken') in ${jsonValues(subject.checkoutTokens)}`)
      : undefined,
  ];
  return selections.filter((selection): selection is SQL => selection !== undefined);
}

/** An event as the archive and the export read it: the fields the customer's events are found by. */
export type EventFields = { profileId: string | null; anonymousId: string | null; dedupKey: string; name: string; properties: Record<string, unknown> | null };

/** The same selections as `eventSelections`, as a test of one event already read (an archived line). */
export function matchesSubject(subject: CustomerSubject): (event: EventFields) => boolean {
  const profiles = new Set(subject.profileIds);
  const visitors = new Set(subject.clientIds);
  const keys = new Set(exactKeys(subject));
  const prefixes = keyPrefixes(subject);
  const orders = new Set(subject.orderIds);
  const checkouts = new Set(subject.checkoutTokens);
  return (event) =>
    (event.profileId !== null && profiles.has(event.profileId)) ||
    (event.anonymousId !== null && visitors.has(event.anonymousId)) ||
    keys.has(event.dedupKey) ||
    prefixes.some((prefix) => event.dedupKey.startsWith(prefix)) ||
    (BY_ORDER_PROPERTY.includes(event.name) && orders.has(String(event.properties?.orderId))) ||
    (BY_CHECKOUT_PROPERTY.includes(event.name) && checkouts.has(String(event.properties?.checkoutToken)));
}

export async function deleteCustomerEvents(args: { ctx: Deps; input: { subject: CustomerSubject; budget: WorkBudget } }): Promise<StepProgress> {
  const { ctx, input } = args;
  const { subject, budget } = input;
  if (!subject.tenantId) return { deleted: 0, done: true };
  let deleted = 0;
  for (const where of eventSelections(subject.tenantId, subject)) {
    const progress = await deleteInBatches({ ctx, input: { budget, table: e, where } });
    deleted += progress.deleted;
    if (!progress.done) return { deleted, done: false };
  }
  return { deleted, done: true };
}
