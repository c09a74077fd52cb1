import { tenantDb } from "./tenant-db.ts";

/** What a fault test asserts and reports: every accepted item stored, none twice. */
export type FaultCounts = { accepted: number; stored: number; doubled: number };

export const countsLine = (label: string, counts: FaultCounts) => `${label}: ${counts.accepted} accepted, ${counts.stored} stored, ${counts.doubled} doubled`;

/**
 * A distinct `orders/create` body: order `n` of customer `n % customers`, with its own checkout and cart tokens. Ids
 * stay under 2^53 so the text can be built here; the exactness of larger ids is the ingest tests' business.
 */
export function orderBody(n: number, customers: number): string {
  const customer = n % customers;
  const cents = 1_000 + (n % 97) * 100;
  return JSON.stringify({
    id: 7_100_000_000_000 + n,
    admin_graphql_api_id: `gid://shopify/Order/${7_100_000_000_000 + n}`,
    name: `#${10_000 + n}`,
    email: `buyer-${customer}@example.com`,
    currency: "USD",
    total_price: (cents / 100).toFixed(2),
    subtotal_price: (cents / 100).toFixed(2),
    total_tax: "0.00",
    total_discounts: "0.00",
    financial_status: "paid",
    fulfillment_status: null,
    checkout_token: `fa${n.toString(16).padStart(30, "0")}`,
    cart_token: `cart-${n}`,
    source_name: "web",
    created_at: "2026-11-20T10:00:00Z",
    processed_at: "2026-11-20T10:00:01Z",
    updated_at: "2026-11-20T10:00:05Z",
    cancelled_at: null,
    cancel_reason: null,
    refunds: [],
    customer: {
      id: 7_200_000_000_000 + customer,
      email: `buyer-${customer}@example.com`,
      first_name: "Buyer",
      last_name: String(customer),
      phone: null,
      state: "enabled",
      tags: "",
      created_at: "2026-09-01T09:00:00Z",
      updated_at: "2026-11-20T10:00:00Z",
      default_address: { country_code: "GB" },
    },
    line_items: [{ id: 7_300_000_000_000 + n, product_id: 7_400_000_000_001, variant_id: 7_500_000_000_001, sku: "F-1", title: "Fault", quantity: 1, price: (cents / 100).toFixed(2) }],
  });
}

/** `count` page views of one visitor, each with its own event id. */
export function pageViews(clientId: string, count: number, from = 0): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `sh-fault-${clientId}-${from + i}`,
    name: "page_viewed",
    type: "standard",
    clientId,
    timestamp: new Date(Date.now() - 60_000 + i).toISOString(),
    seq: from + i,
    context: { document: { location: { href: `https://demo.myshopify.com/p/${from + i}`, pathname: `/p/${from + i}` }, referrer: "", title: "Fault" } },
    data: {},
  }));
}

type Tally = { pageViews: number; events: number; distinctEvents: number; orders: number; distinctOrders: number; ordersCounted: number; usage: number; liveEvents: number };

/**
 * What one tenant holds, and everything that would show a double: events and orders stored twice under one key,
 * profile order counts above the orders, the month's usage counter above the live events it counts.
 */
export async function tallyTenant(tenantId: string): Promise<Tally> {
  const data = await (await tenantDb(tenantId))
    .prepare(
      `select
         (select count(*) from events where tenant_id = ?1 and name = 'page_view') pageViews,
         (select count(*) from events where tenant_id = ?1) events,
         (select count(distinct dedup_key) from events where tenant_id = ?1) distinctEvents,
         (select count(*) from events where tenant_id = ?1 and source != 'backfill') liveEvents,
         (select count(*) from orders where tenant_id = ?1) orders,
         (select count(distinct shopify_order_id) from orders where tenant_id = ?1) distinctOrders,
         (select coalesce(sum(orders_count), 0) from profiles where tenant_id = ?1) ordersCounted,
         (select coalesce(sum(events), 0) from usage_counters where tenant_id = ?1) usage`,
    )
    .bind(tenantId)
    .first<Tally>();
  return data!;
}

/** Doubles in a tally: extra rows under one key, order counts past the orders, usage past the live events. */
export const doublesIn = (tally: Tally) =>
  tally.events - tally.distinctEvents + (tally.orders - tally.distinctOrders) + Math.max(0, tally.ordersCounted - tally.orders) + Math.max(0, tally.usage - tally.liveEvents);

/** Orders and page views stored across `tenantIds`, against `accepted`, with every double found. */
export async function countStored(tenantIds: string[], accepted: number): Promise<FaultCounts & { events: number }> {
  const tallies = await Promise.all(tenantIds.map((tenantId) => tallyTenant(tenantId)));
  const sum = (pick: (tally: Tally) => number) => tallies.reduce((total, tally) => total + pick(tally), 0);
  return { accepted, stored: sum((t) => t.distinctOrders + t.pageViews), doubled: sum(doublesIn), events: sum((t) => t.events) };
}
