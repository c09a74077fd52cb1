import { parseId } from "../lib/ids.ts";
import { toCents } from "../lib/money.ts";
import { createPrng } from "../lib/prng.ts";
import { parseTime } from "../lib/time.ts";
import type { OrderRecord, ShopState } from "../types.ts";
import { storeNow } from "./create-shop.ts";
import { StoreInputError } from "./input-error.ts";
import { takeId } from "./next-id.ts";
import { findCustomer } from "./record-customer.ts";

export interface LineInput {
  variantId?: string;
  productId?: string;
  quantity?: number;
  price?: string | number;
}

export interface OrderInput {
  customerId?: string | null;
  email?: string | null;
  lines?: LineInput[];
  financialStatus?: "paid" | "pending";
  createdAt?: string;
  checkoutToken?: string;
  cartToken?: string;
  sourceName?: string;
  tags?: string[];
}

export function findOrder(shop: ShopState, rawId: string): number {
  const index = shop.index.orders.get(parseId(rawId).id);
  if (index === undefined) throw new StoreInputError("order_not_found", `No order ${rawId} in ${shop.domain}`, 404);
  return index;
}

export function resolveVariant(shop: ShopState, line: LineInput, fallbackSeed: string): number {
  if (line.variantId) {
    const index = shop.index.variants.get(parseId(line.variantId).id);
    if (index === undefined) throw new StoreInputError("variant_not_found", `No variant ${line.variantId}`, 404);
    return index;
  }
  if (line.productId) {
    const product = shop.products[shop.index.products.get(parseId(line.productId).id) ?? -1];
    if (!product) throw new StoreInputError("product_not_found", `No product ${line.productId}`, 404);
    return product.variants[0]!;
  }
  if (shop.variants.length === 0) throw new StoreInputError("no_products", "The shop has no products to order");
  return createPrng(fallbackSeed).int(0, shop.variants.length - 1);
}

export function spendOf(order: OrderRecord): number {
  return order.financial === "VOIDED" || order.financial === "PENDING" ? 0 : order.totalCents - order.refundedCents;
}

/** Keeps the customer's amount spent right across every change to one of its orders. */
export function reaccount(shop: ShopState, order: OrderRecord, before: number): void {
  const customer = shop.customers[order.customer];
  if (customer) customer.spentCents += spendOf(order) - before;
}

export function addOrder(shop: ShopState, input: OrderInput): number {
  const id = takeId(shop.nextId, "order", 11);
  const customerIndex = input.customerId ? findCustomer(shop, input.customerId) : -1;
  const customer = shop.customers[customerIndex];
  const createdAt = parseTime(input.createdAt, storeNow(shop));
  const lines: number[] = [];
  (input.lines ?? [{}]).forEach((line, i) => {
    const variant = resolveVariant(shop, line, `${shop.seed}:order:${id}:${i}`);
    lines.push(variant, line.quantity ?? 1, line.price === undefined ? shop.variants[variant]!.priceCents : toCents(line.price));
  });
  const subtotal = lines.reduce((sum, value, i) => (i % 3 === 1 ? sum + value * lines[i + 1]! : sum), 0);
  const checkout = input.checkoutToken ? shop.checkouts.find((c) => c.token === input.checkoutToken) : undefined;
  if (checkout) checkout.completedAt = createdAt;
  const order: OrderRecord = {
    id,
    number: shop.nextOrderNumber++,
    customer: customerIndex,
    email: input.email !== undefined ? input.email : (customer?.email ?? null),
    country: customer?.country ?? "US",
    createdAt,
    processedAt: createdAt,
    updatedAt: createdAt,
    cancelledAt: null,
    cancelReason: null,
    closedAt: null,
    financial: input.financialStatus === "pending" ? "PENDING" : "PAID",
    lines,
    lineBase: Number(takeId(shop.nextId, "line", lines.length / 3 + 3)),
    subtotalCents: subtotal,
    shippingCents: 0,
    taxCents: 0,
    totalCents: subtotal,
    refundedCents: 0,
    sourceName: input.sourceName ?? "web",
    ...(input.tags ? { tags: input.tags } : {}),
    ...(input.checkoutToken ? { checkoutToken: input.checkoutToken } : {}),
    ...(input.cartToken ?? checkout?.cartToken ? { cartToken: input.cartToken ?? checkout?.cartToken } : {}),
    ...(checkout ? { checkoutId: checkout.id } : {}),
  };
  shop.orders.push(order);
  const index = shop.orders.length - 1;
  shop.index.orders.set(id, index);
  if (customer) {
    customer.orders.push(index);
    customer.updatedAt = createdAt;
    reaccount(shop, order, 0);
  }
  return index;
}
