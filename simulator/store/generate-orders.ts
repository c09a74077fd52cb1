import type { Prng } from "../lib/prng.ts";
import { DAY, HOUR, MINUTE } from "../lib/time.ts";
import type { CustomerRecord, FinancialStatus, IdKind, OrderRecord, VariantRecord } from "../types.ts";
import { takeId } from "./next-id.ts";

export interface OrderDraftInput {
  prng: Prng;
  count: number;
  now: number;
  days: number;
  customers: CustomerRecord[];
  variants: VariantRecord[];
  next: Record<IdKind, number>;
}

const CANCEL_REASONS = ["customer", "inventory", "fraud", "declined", "other"] as const;

function pickCustomer(prng: Prng, count: number): number {
  if (count === 0 || prng.chance(0.08)) return -1;
  // Half the orders come from a quarter of the customers: repeat buyers next to one-timers.
  if (prng.chance(0.5)) return prng.int(0, Math.max(0, Math.floor(count / 4) - 1));
  return prng.int(0, count - 1);
}

/** Orders sorted by creation time, with ids rising like Shopify's. Customer indices refer to the draft list. */
export function generateOrders(input: OrderDraftInput): OrderRecord[] {
  const { prng, count, now, days, customers, variants, next } = input;
  const times = Array.from({ length: count }, () => now - Math.floor(prng.next() * days * DAY)).sort((a, b) => a - b);
  const orders: OrderRecord[] = [];
  for (let i = 0; i < count; i++) {
    const createdAt = times[i]!;
    const customer = pickCustomer(prng, customers.length);
    const lines: number[] = [];
    const lineCount = prng.weighted([[1, 55], [2, 28], [3, 12], [4, 5]] as const);
    let subtotal = 0;
    for (let l = 0; l < lineCount && variants.length > 0; l++) {
      const variant = Math.floor(variants.length * prng.next() ** 2);
      const quantity = prng.weighted([[1, 80], [2, 15], [3, 5]] as const);
      const unit = variants[variant]!.priceCents;
      lines.push(variant, quantity, unit);
      subtotal += unit * quantity;
    }
    const owner = customers[customer];
    const country = owner?.country ?? "US";
    const shippingCents = subtotal > 10000 ? 0 : prng.pick([0, 499, 999, 1499]);
    const taxCents = country === "US" ? Math.round(subtotal * 0.08) : 0;
    const totalCents = subtotal + shippingCents + taxCents;
    const order: OrderRecord = {
      id: takeId(next, "order", prng.int(1, 400)),
      number: 1001 + i,
      customer,
      email: owner ? owner.email : prng.chance(0.8) ? `guest${i}@example.net` : null,
      country,
      createdAt,
      processedAt: createdAt,
      updatedAt: createdAt + prng.int(1, 5) * MINUTE,
      cancelledAt: null,
      cancelReason: null,
      closedAt: null,
      financial: "PAID",
      lines,
      lineBase: Number(takeId(next, "line", lineCount + prng.int(1, 40))),
      subtotalCents: subtotal,
      shippingCents,
      taxCents,
      totalCents,
      refundedCents: 0,
      sourceName: prng.chance(0.9) ? "web" : "pos",
    };
    applyAftermath(prng, order, now, next);
    orders.push(order);
  }
  return orders;
}

/** Cancellations, refunds, pending payments and fulfilment closing on a fresh order. */
function applyAftermath(prng: Prng, order: OrderRecord, now: number, next: Record<IdKind, number>): void {
  const roll = prng.next();
  const later = (max: number) => Math.min(now, order.createdAt + prng.int(1, max) * HOUR);
  let status: FinancialStatus = "PAID";
  if (roll < 0.03) {
    order.cancelledAt = later(48);
    order.cancelReason = prng.pick(CANCEL_REASONS);
    status = prng.chance(0.5) ? "VOIDED" : "REFUNDED";
    if (status === "REFUNDED") addRefund(order, order.totalCents, order.cancelledAt, next, prng);
    order.updatedAt = order.cancelledAt;
    order.closedAt = order.cancelledAt;
  } else if (roll < 0.08) {
    const full = prng.chance(0.4);
    const at = later(240);
    addRefund(order, full ? order.totalCents : Math.round(order.subtotalCents * 0.3), at, next, prng);
    status = full ? "REFUNDED" : "PARTIALLY_REFUNDED";
    order.updatedAt = at;
  } else if (roll < 0.09) {
    status = "PENDING";
  } else if (order.createdAt < now - 5 * DAY) {
    order.closedAt = order.createdAt + prng.int(1, 72) * HOUR;
    order.updatedAt = Math.max(order.updatedAt, order.closedAt);
  }
  order.financial = status;
}

function addRefund(order: OrderRecord, amount: number, at: number, next: Record<IdKind, number>, prng: Prng): void {
  const lines = amount >= order.totalCents ? order.lines.flatMap((_, i) => (i % 3 === 0 ? [i / 3, order.lines[i + 1]!] : [])) : [];
  order.refunds = [{ id: takeId(next, "refund", prng.int(1, 400)), createdAt: at, amountCents: amount, lines, note: null }];
  order.refundedCents = amount;
}

/** Spend and order lists per customer; a customer is never created after their first order. */
export function attachOrdersToCustomers(prng: Prng, orders: OrderRecord[], customers: CustomerRecord[]): void {
  orders.forEach((order, index) => {
    const customer = customers[order.customer];
    if (!customer) return;
    customer.orders.push(index);
    if (order.financial !== "VOIDED" && order.financial !== "PENDING") customer.spentCents += order.totalCents - order.refundedCents;
    if (customer.createdAt > order.createdAt) customer.createdAt = order.createdAt - prng.int(1, 600) * MINUTE;
    customer.updatedAt = Math.max(customer.updatedAt, order.updatedAt);
  });
}
