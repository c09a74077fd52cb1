import type { EventSource } from "../../db/schema/index.ts";
import type { IdentityKind } from "../../db/schema/index.ts";
import type { Result } from "../../lib/result.ts";
import type { CanonicalEventName, EventProperties } from "./event-properties.ts";
import type { CustomerFact } from "./facts.ts";
import type { ProductDelete, ProductRow } from "../catalog/write-products.ts";
import type { PrivacyRow } from "../privacy/index.ts";
import type { QuarantineRow, ReplayResult } from "../quarantine/index.ts";
import type { LifecyclePlan } from "../lifecycle/lifecycle-plan.ts";

/**
 * Everything one queue batch (or one backfill chunk) will write, as rows; `writeIngestPlan` turns it into a few
 * set-based D1 statements. Rows carry their tenant, so one plan may span tenants.
 */
export type PlannedEvent = {
  tenantId: string;
  id: string;
  name: CanonicalEventName;
  source: EventSource;
  occurredAt: number;
  receivedAt: number;
  /** Resolved to a profile in SQL: by customer, else by the order's profile, else by the client id's identity. */
  customerId: string | null;
  orderRef: string | null;
  anonymousId: string | null;
  dedupKey: string;
  sourceUpdatedAt: number | null;
  properties: Record<string, unknown>;
};

export type CustomerRow = CustomerFact & { tenantId: string; sourceUpdatedAt: number | null };

export type OrderRow = {
  tenantId: string;
  orderId: string;
  customerId: string | null;
  name: string | null;
  currency: string | null;
  totalPrice: number;
  totalRefunded: number;
  financialStatus: string | null;
  checkoutToken: string | null;
  cartToken: string | null;
  lineItems: unknown[];
  orderedAt: number;
  cancelledAt: number | null;
  sourceUpdatedAt: number;
};

/** Merged into `checkouts` by token: ids and links fill gaps, totals follow the newest source. */
export type CheckoutRow = {
  tenantId: string;
  token: string;
  cartToken: string | null;
  checkoutId: string | null;
  customerId: string | null;
  anonymousId: string | null;
  orderId: string | null;
  totalPrice: number | null;
  currency: string | null;
  enrichment: Record<string, unknown> | null;
  startedAt: number | null;
  completedAt: number | null;
  sourceUpdatedAt: number | null;
};

export type IdentityLink = { tenantId: string; kind: Exclude<IdentityKind, "client_id">; value: string; customerId: string; linkedBy: string };

export type IngestPlan = {
  deliveries: { key: string; tenantId: string | null; topic: string; receivedAt: number }[];
  quarantine: QuarantineRow[];
  privacy: PrivacyRow[];
  customers: CustomerRow[];
  products: ProductRow[];
  productDeletes: ProductDelete[];
  orders: OrderRow[];
  orderDeletes: { tenantId: string; orderId: string; at: number }[];
  checkouts: CheckoutRow[];
  links: IdentityLink[];
  events: PlannedEvent[];
  /** Profiles whose aggregates are recomputed from `orders`, named by customer or by one of their orders. */
  recompute: { tenantId: string; customerId: string | null; orderId: string | null }[];
  /** Pixel visitors seen, for last-seen times and linking their earlier events. */
  visitors: { tenantId: string; clientId: string; at: number }[];
  /** Checkout tokens touched: candidates for client-id links and purchase enrichment. */
  checkoutTokens: { tenantId: string; token: string }[];
  spilledPayloads: string[];
  /** Outcomes of operator replays, written back onto the quarantine rows. */
  replays: ReplayResult[];
} & LifecyclePlan;

export function newIngestPlan(): IngestPlan {
  return {
    deliveries: [],
    quarantine: [],
    privacy: [],
    customers: [],
    products: [],
    productDeletes: [],
    orders: [],
    orderDeletes: [],
    checkouts: [],
    links: [],
    events: [],
    recompute: [],
    visitors: [],
    checkoutTokens: [],
    spilledPayloads: [],
    replays: [],
    uninstalls: [],
    grantedScopes: [],
    subscriptionUpdates: [],
    effects: [],
  };
}

/**
 * Runs `apply` on `plan` in place and takes back every row it added when it fails: a batch of records is planned
 * into one plan, and one record that cannot be mapped leaves nothing behind, without a plan of its own to merge.
 */
export function planOrRollBack<E>(plan: IngestPlan, apply: () => Result<void, E>): Result<void, E> {
  const lists = Object.values(plan) as unknown[][];
  const marks = lists.map((list) => list.length);
  const applied = apply();
  if (!applied.ok) for (let i = 0; i < lists.length; i++) lists[i]!.length = marks[i]!;
  return applied;
}

export function mergeIngestPlan(into: IngestPlan, from: IngestPlan): IngestPlan {
  for (const key of Object.keys(into) as (keyof IngestPlan)[]) (into[key] as unknown[]).push(...(from[key] as unknown[]));
  return into;
}

export type PlannedEventInput<N extends CanonicalEventName> = Omit<PlannedEvent, "name" | "properties" | "customerId" | "orderRef" | "anonymousId"> & {
  name: N;
  properties: EventProperties<N>;
  customerId?: string | null;
  orderRef?: string | null;
  anonymousId?: string | null;
};

/** Typed at compile time per event name; `checkPlannedEvents` validates the same schemas at run time. */
export function planEvent<N extends CanonicalEventName>(plan: IngestPlan, event: PlannedEventInput<N>): void {
  plan.events.push({ customerId: null, orderRef: null, anonymousId: null, ...event, properties: event.properties as Record<string, unknown> });
}
