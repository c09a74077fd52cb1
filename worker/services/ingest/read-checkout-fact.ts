import { z } from "zod";
import type { Result } from "../../lib/result.ts";
import type { CartFact, CheckoutFact } from "./facts.ts";
import { readEmbeddedCustomer } from "./read-customer-fact.ts";
import { money, optionalId, text, timestamp, upper } from "../../shopify/payload/read-fields.ts";
import { LineItemsSchema } from "./read-line-items.ts";
import { readWith, type Unmappable } from "../../shopify/payload/read-result.ts";

const CheckoutPayloadSchema = z.object({
  token: z.string().min(1),
  id: optionalId,
  cart_token: text,
  customer: z.unknown().optional(),
  currency: text,
  presentment_currency: text,
  total_price: money,
  subtotal_price: money,
  line_items: LineItemsSchema,
  created_at: timestamp,
  updated_at: timestamp,
  completed_at: timestamp,
});

/** `checkouts/create|update` (REST abandoned-checkout shape). */
export function readCheckoutFact(payload: unknown): Result<CheckoutFact, Unmappable> {
  const read = readWith(CheckoutPayloadSchema, payload, "checkout");
  if (!read.ok) return read;
  const checkout = read.value;
  return {
    ok: true,
    value: {
      token: checkout.token,
      checkoutId: checkout.id,
      cartToken: checkout.cart_token,
      customer: readEmbeddedCustomer(checkout.customer),
      currency: upper(checkout.currency ?? checkout.presentment_currency),
      totalPrice: checkout.total_price,
      subtotalPrice: checkout.subtotal_price,
      lineItems: checkout.line_items,
      createdAt: checkout.created_at,
      updatedAt: checkout.updated_at,
      completedAt: checkout.completed_at,
    },
  };
}

const CartPayloadSchema = z
  .object({ token: text, id: text, currency: text, line_items: LineItemsSchema, created_at: timestamp, updated_at: timestamp })
  .refine((cart) => cart.token !== null || cart.id !== null, { message: "cart has no token", path: ["token"] });

/** `carts/create|update`: the cart token and its lines; carts carry no customer. */
export function readCartFact(payload: unknown): Result<CartFact, Unmappable> {
  const read = readWith(CartPayloadSchema, payload, "cart");
  if (!read.ok) return read;
  const cart = read.value;
  return {
    ok: true,
    value: {
      token: (cart.token ?? cart.id)!,
      currency: upper(cart.currency),
      lineItems: cart.line_items,
      createdAt: cart.created_at,
      updatedAt: cart.updated_at,
    },
  };
}
