import { parseId } from "../lib/ids.ts";
import { toCents } from "../lib/money.ts";
import type { FulfillmentRecord, RefundRecord, ShopState } from "../types.ts";
import { storeNow } from "./create-shop.ts";
import { unfulfilledQuantities } from "./fulfillment-status.ts";
import { StoreInputError } from "./input-error.ts";
import { takeId } from "./next-id.ts";
import { reaccount, spendOf } from "./record-order.ts";

export interface FulfillmentInput {
  lines?: { lineItemId: string; quantity?: number }[];
}

export interface RefundInput {
  amount?: string | number;
  lines?: { lineItemId: string; quantity?: number }[];
  note?: string;
}

export function refundOrder(shop: ShopState, index: number, input: RefundInput): RefundRecord {
  const order = shop.orders[index]!;
  const before = spendOf(order);
  const lines: number[] = [];
  let lineTotal = 0;
  for (const line of input.lines ?? []) {
    const position = Number(parseId(line.lineItemId).id) - order.lineBase;
    if (!(position >= 0 && position < order.lines.length / 3)) throw new StoreInputError("line_item_not_found", `No line item ${line.lineItemId} on order ${order.id}`, 404);
    const quantity = line.quantity ?? order.lines[position * 3 + 1]!;
    lines.push(position, quantity);
    lineTotal += order.lines[position * 3 + 2]! * quantity;
  }
  const amount = input.amount !== undefined ? toCents(input.amount) : lines.length > 0 ? lineTotal : order.totalCents - order.refundedCents;
  if (amount <= 0 || amount > order.totalCents - order.refundedCents) throw new StoreInputError("invalid_amount", `Refund must be between 0 and ${order.totalCents - order.refundedCents} cents`);
  const now = storeNow(shop);
  const refund: RefundRecord = { id: takeId(shop.nextId, "refund", 7), createdAt: now, amountCents: amount, lines, note: input.note ?? null };
  order.refunds = [...(order.refunds ?? []), refund];
  order.refundedCents += amount;
  order.financial = order.refundedCents >= order.totalCents ? "REFUNDED" : "PARTIALLY_REFUNDED";
  order.updatedAt = now;
  reaccount(shop, order, before);
  return refund;
}

/** Cancelling a paid order refunds it in full, as the admin's default does; a pending one is voided. */
export function cancelOrder(shop: ShopState, index: number, reason = "customer"): RefundRecord | null {
  const order = shop.orders[index]!;
  if (order.cancelledAt !== null) throw new StoreInputError("already_cancelled", `Order ${order.id} is already cancelled`, 409);
  const refund = order.financial === "PENDING" || order.refundedCents >= order.totalCents ? null : refundOrder(shop, index, {});
  const before = spendOf(order);
  const now = storeNow(shop);
  if (order.financial === "PENDING") order.financial = "VOIDED";
  order.cancelledAt = now;
  order.cancelReason = reason;
  order.closedAt = now;
  order.updatedAt = now;
  reaccount(shop, order, before);
  return refund;
}

/** Fulfils the given lines (by default every unit left); the order closes once nothing is left, as Shopify's auto-archive does. */
export function fulfillOrder(shop: ShopState, index: number, input: FulfillmentInput = {}): { fulfillment: FulfillmentRecord; complete: boolean } {
  const order = shop.orders[index]!;
  if (order.cancelledAt !== null) throw new StoreInputError("order_cancelled", `Order ${order.id} is cancelled`, 409);
  const left = unfulfilledQuantities(order);
  if (left.every((quantity) => quantity === 0)) throw new StoreInputError("already_fulfilled", `Order ${order.id} is already fulfilled`, 409);
  const wanted: NonNullable<FulfillmentInput["lines"]> = input.lines ?? left.flatMap((quantity, position) => (quantity > 0 ? [{ lineItemId: String(order.lineBase + position) }] : []));
  if (wanted.length === 0) throw new StoreInputError("invalid_input", "lines must name at least one line item");
  const lines: number[] = [];
  for (const line of wanted) {
    const position = Number(parseId(line.lineItemId).id) - order.lineBase;
    if (!(position >= 0 && position < left.length)) throw new StoreInputError("line_item_not_found", `No line item ${line.lineItemId} on order ${order.id}`, 404);
    const quantity = line.quantity ?? left[position]!;
    if (!(quantity > 0 && quantity <= left[position]!)) throw new StoreInputError("invalid_quantity", `Line item ${line.lineItemId} has ${left[position]} units left to fulfil`);
    left[position] = left[position]! - quantity;
    lines.push(position, quantity);
  }
  const now = storeNow(shop);
  const fulfillment: FulfillmentRecord = { id: takeId(shop.nextId, "misc", 1), createdAt: now, lines };
  order.fulfillments = [...(order.fulfillments ?? []), fulfillment];
  const complete = left.every((quantity) => quantity === 0);
  if (complete) order.closedAt = now;
  order.updatedAt = now;
  return { fulfillment, complete };
}

/** Deletes an order as the admin does: it leaves the Admin API, its customer's orders and amount spent. */
export function deleteOrder(shop: ShopState, index: number): void {
  const order = shop.orders[index]!;
  const customer = shop.customers[order.customer];
  if (customer) {
    customer.spentCents -= spendOf(order);
    customer.orders = customer.orders.filter((i) => i !== index);
  }
  order.deletedAt = storeNow(shop);
  shop.index.orders.delete(order.id);
}
