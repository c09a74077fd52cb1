import type { Deps } from "../../context/deps.ts";
import type { Db } from "../../db/client.ts";
import { loadRedactionProbe, subjectsInText, type RedactionProbe, type Subject } from "../privacy/index.ts";
import type { IngestPlan, PlannedEvent } from "./ingest-plan.ts";

type TenantSubject = Subject & { tenantId: string };

const text = (value: unknown) => (typeof value === "string" || typeof value === "number" ? String(value) : null);

function eventSubjects(event: PlannedEvent): Subject[] {
  const subjects: Subject[] = [];
  const add = (kind: Subject["kind"], value: unknown) => {
    const known = text(value);
    if (known) subjects.push({ kind, value: known });
  };
  add("customer_id", event.customerId);
  add("order_id", event.orderRef);
  add("client_id", event.anonymousId);
  add("checkout_token", event.properties.checkoutToken);
  add("cart_token", event.properties.cartToken);
  add("order_id", event.properties.orderId);
  return subjects;
}

/** Every identifier the rows of these plans carry, for the tenants that have redacted anyone. */
function planSubjects(plan: IngestPlan, tenants: ReadonlySet<string>): TenantSubject[] {
  const all: TenantSubject[] = [];
  const add = (tenantId: string | null, subjects: (Subject | null)[]) => {
    if (!tenantId || !tenants.has(tenantId)) return;
    for (const subject of subjects) if (subject?.value) all.push({ ...subject, tenantId });
  };
  const of = (kind: Subject["kind"], value: string | null): Subject | null => (value ? { kind, value } : null);
  for (const row of plan.customers) add(row.tenantId, [of("customer_id", row.customerId)]);
  for (const row of plan.orders) add(row.tenantId, [of("order_id", row.orderId), of("customer_id", row.customerId), of("checkout_token", row.checkoutToken), of("cart_token", row.cartToken)]);
  for (const row of plan.checkouts) {
    add(row.tenantId, [of("customer_id", row.customerId), of("checkout_token", row.token), of("cart_token", row.cartToken), of("client_id", row.anonymousId), of("order_id", row.orderId)]);
  }
  for (const row of plan.links) add(row.tenantId, [of("customer_id", row.customerId)]);
  for (const row of plan.events) add(row.tenantId, eventSubjects(row));
  for (const row of plan.recompute) add(row.tenantId, [of("customer_id", row.customerId), of("order_id", row.orderId)]);
  for (const row of plan.visitors) add(row.tenantId, [of("client_id", row.clientId)]);
  for (const row of plan.checkoutTokens) add(row.tenantId, [of("checkout_token", row.token)]);
  for (const row of plan.quarantine) {
    const subjects = subjectsInText(row.payload, row.topic);
    if (row.headers.clientId) subjects.push({ kind: "client_id", value: row.headers.clientId });
    add(row.tenantId, subjects);
  }
  return all;
}

/**
 * A row is about a redacted customer when its customer is; a row without a customer, when any identifier it carries
 * (token, visitor, order) is. An order named by orders_to_redact is dropped whoever it belongs to. A new customer who
 * reuses a redacted e-mail is a different customer and is kept.
 */
function dropRows(plan: IngestPlan, redacted: RedactionProbe): number {
  const before = Object.values(plan).reduce((sum, rows) => sum + (rows as unknown[]).length, 0);
  const about = (tenantId: string, customerId: string | null, others: Subject[]) =>
    customerId ? redacted(tenantId, "customer_id", customerId) : others.some(({ kind, value }) => redacted(tenantId, kind, value));
  const tokens = (checkout: string | null, cart: string | null, client: string | null = null): Subject[] =>
    [
      { kind: "checkout_token" as const, value: checkout },
      { kind: "cart_token" as const, value: cart },
      { kind: "client_id" as const, value: client },
    ].flatMap((subject) => (subject.value ? [subject as Subject] : []));
  plan.customers = plan.customers.filter((row) => !redacted(row.tenantId, "customer_id", row.customerId));
  plan.orders = plan.orders.filter((row) => !redacted(row.tenantId, "order_id", row.orderId) && !about(row.tenantId, row.customerId, tokens(row.checkoutToken, row.cartToken)));
  plan.checkouts = plan.checkouts.filter(
    (row) => !redacted(row.tenantId, "order_id", row.orderId) && !about(row.tenantId, row.customerId, tokens(row.token, row.cartToken, row.anonymousId)),
  );
  plan.links = plan.links.filter((row) => !redacted(row.tenantId, "customer_id", row.customerId));
  plan.events = plan.events.filter((row) => {
    const subjects = eventSubjects(row);
    if (subjects.some((s) => s.kind === "order_id" && redacted(row.tenantId, "order_id", s.value))) return false;
    return !about(row.tenantId, row.customerId, subjects.filter((s) => s.kind !== "customer_id"));
  });
  plan.recompute = plan.recompute.filter((row) => !redacted(row.tenantId, "customer_id", row.customerId) && !redacted(row.tenantId, "order_id", row.orderId));
  plan.visitors = plan.visitors.filter((row) => !redacted(row.tenantId, "client_id", row.clientId));
  plan.checkoutTokens = plan.checkoutTokens.filter((row) => !redacted(row.tenantId, "checkout_token", row.token));
  plan.quarantine = plan.quarantine.filter((row) => {
    if (!row.tenantId) return true;
    const subjects = subjectsInText(row.payload, row.topic);
    if (row.headers.clientId) subjects.push({ kind: "client_id", value: row.headers.clientId });
    return !subjects.some(({ kind, value }) => redacted(row.tenantId!, kind, value));
  });
  const after = Object.values(plan).reduce((sum, rows) => sum + (rows as unknown[]).length, 0);
  return before - after;
}

/**
 * Drops, from plans about to be written, every row about a customer redacted before it arrived (a late webhook, a
 * queued message, a backfill chunk, a reconciliation): one hash lookup for all of them, and nothing at all for
 * plans whose tenants never redacted anyone. Answers how many rows were dropped.
 */
export async function dropRedactedSubjects(args: { ctx: Pick<Deps, "config" | "log"> & { db: Db }; input: { plans: readonly IngestPlan[]; tenantsWithRedactions: ReadonlySet<string> } }): Promise<number> {
  const { ctx, input } = args;
  if (input.tenantsWithRedactions.size === 0) return 0;
  const subjects = input.plans.flatMap((plan) => planSubjects(plan, input.tenantsWithRedactions));
  if (subjects.length === 0) return 0;
  const redacted = await loadRedactionProbe({ ctx, input: { subjects } });
  let dropped = 0;
  for (const plan of input.plans) dropped += dropRows(plan, redacted);
  if (dropped > 0) ctx.log.info("rows about redacted customers dropped", { rows: dropped });
  return dropped;
}
