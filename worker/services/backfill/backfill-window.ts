import { BACKFILL_RESOURCES, type BackfillResource } from "../../../queues/backfill-messages.ts";

export const BACKFILL_DAYS = 90;
const ORDERS_DAYS_WITHOUT_ALL_ORDERS = 60;
const DAY_MS = 24 * 60 * 60 * 1000;

export type BackfillWindow = { ordersDays: 60 | 90; since: Record<BackfillResource, number | null> };

/**
 * Orders and abandoned checkouts are history: the last 90 days (orders: 60 without `read_all_orders`, as Shopify
 * then returns no older ones). Customers and products are state, so every one is read: a profile or catalog row
 * missing because it was created long ago would be wrong forever.
 */
export function backfillWindow(grantedScopes: string, now: number): BackfillWindow {
  const allOrders = grantedScopes.split(",").some((scope) => scope.trim() === "read_all_orders");
  const ordersDays = allOrders ? BACKFILL_DAYS : ORDERS_DAYS_WITHOUT_ALL_ORDERS;
  const since = Object.fromEntries(BACKFILL_RESOURCES.map((resource) => [resource, null])) as Record<BackfillResource, number | null>;
  since.orders = now - ordersDays * DAY_MS;
  since.abandoned_checkouts = now - BACKFILL_DAYS * DAY_MS;
  return { ordersDays, since };
}

/** The plain-words notice shown in setup progress and backfill status when orders stop at 60 days. */
export function ordersWindowNotice(ordersDays: number): string | null {
  return ordersDays < BACKFILL_DAYS ? `orders: last ${ordersDays} days — grant read_all_orders for ${BACKFILL_DAYS}` : null;
}
