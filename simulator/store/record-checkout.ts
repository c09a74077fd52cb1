import { derivedToken } from "../lib/prng.ts";
import type { ShopState } from "../types.ts";
import { storeNow } from "./create-shop.ts";
import { cartTokenFor } from "./generate-checkouts.ts";
import { takeId } from "./next-id.ts";
import { findCustomer } from "./record-customer.ts";
import { resolveVariant, type LineInput } from "./record-order.ts";

export interface CheckoutInput {
  customerId?: string | null;
  email?: string | null;
  lines?: LineInput[];
  token?: string;
  cartToken?: string;
}

function variantLines(shop: ShopState, lines: LineInput[] | undefined, seed: string): number[] {
  return (lines ?? [{}]).flatMap((line, i) => [resolveVariant(shop, line, `${seed}:${i}`), line.quantity ?? 1]);
}

export function addCheckout(shop: ShopState, input: CheckoutInput): number {
  const id = takeId(shop.nextId, "checkout", 7);
  const lines = variantLines(shop, input.lines, `${shop.seed}:checkout:${id}`);
  const now = storeNow(shop);
  shop.checkouts.push({
    id,
    token: input.token ?? derivedToken(`${shop.seed}:checkout-token:${id}`),
    cartToken: input.cartToken ?? cartTokenFor(`${shop.seed}:checkout-cart:${id}`),
    customer: input.customerId ? findCustomer(shop, input.customerId) : -1,
    email: input.email ?? null,
    lines,
    totalCents: lines.reduce((sum, value, i) => (i % 2 === 0 ? sum + shop.variants[value]!.priceCents * lines[i + 1]! : sum), 0),
    createdAt: now,
    updatedAt: now,
    completedAt: null,
  });
  shop.index.checkouts.set(id, shop.checkouts.length - 1);
  return shop.checkouts.length - 1;
}

/** Carts are not stored: the webhook is all the app ever sees of them. */
export function buildCart(shop: ShopState, input: { token?: string; lines?: LineInput[] }) {
  const token = input.token ?? cartTokenFor(`${shop.seed}:cart:${shop.nextId.misc++}`);
  const now = storeNow(shop);
  return { token, lines: variantLines(shop, input.lines, `${shop.seed}:cart:${token}`), createdAt: now, updatedAt: now };
}
