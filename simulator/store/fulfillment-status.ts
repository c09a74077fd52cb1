import type { OrderRecord } from "../types.ts";

/**
 * Units of each line still to fulfil. A cancelled order has none, and so has an order closed without fulfilment
 * records (generated history, which counts as fulfilled).
 */
export function unfulfilledQuantities(order: OrderRecord): number[] {
  const settled = order.cancelledAt !== null || (order.closedAt !== null && !order.fulfillments);
  const left = Array.from({ length: order.lines.length / 3 }, (_, position) => (settled ? 0 : order.lines[position * 3 + 1]!));
  if (settled) return left;
  for (const fulfillment of order.fulfillments ?? []) {
    for (let i = 0; i < fulfillment.lines.length; i += 2) left[fulfillment.lines[i]!] = left[fulfillment.lines[i]!]! - fulfillment.lines[i + 1]!;
  }
  return left;
}

/** The order's REST `fulfillment_status`: null until something ships, `partial` until everything has. */
export function fulfillmentStatus(order: OrderRecord): "fulfilled" | "partial" | null {
  if (order.cancelledAt !== null) return null;
  if (unfulfilledQuantities(order).every((left) => left === 0)) return "fulfilled";
  return order.fulfillments?.length ? "partial" : null;
}
