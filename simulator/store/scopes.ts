import { DAY } from "../lib/time.ts";
import type { OrderRecord } from "../types.ts";

/** A write scope implies its read scope, as on Shopify. */
export function hasScope(granted: readonly string[], needed: string): boolean {
  if (granted.includes(needed)) return true;
  return needed.startsWith("read_") && granted.includes(`write_${needed.slice(5)}`);
}

const ORDER_WINDOW = 60 * DAY;

/** Without read_all_orders only the last 60 days of orders exist for the app (GraphQL and bulk alike); deleted ones never. */
export function orderVisible(granted: readonly string[], order: OrderRecord, now: number): boolean {
  if (order.deletedAt !== undefined) return false;
  return order.createdAt >= now - ORDER_WINDOW || hasScope(granted, "read_all_orders");
}
