import { z } from "zod";
import type { Result } from "../../lib/result.ts";
import type { OrderFact } from "./facts.ts";
import { readEmbeddedCustomer } from "./read-customer-fact.ts";
import { money, optionalId, text, timestamp, upper } from "../../shopify/payload/read-fields.ts";
import { LineItemsSchema } from "./read-line-items.ts";
import { readWith, type Unmappable } from "../../shopify/payload/read-result.ts";

const RefundTransactionsSchema = z
  .array(z.object({ transactions: z.array(z.object({ kind: text, status: text, amount: money })).nullish() }))
  .nullish()
  .transform((refunds) =>
    (refunds ?? [])
      .flatMap((refund) => refund.transactions ?? [])
      .filter((tx) => tx.kind === "refund" && (tx.status === null || tx.status === "success"))
      .reduce((sum, tx) => sum + (tx.amount ?? 0), 0),
  );

const OrderPayloadSchema = z
  .object({
    id: optionalId,
    admin_graphql_api_id: optionalId,
    name: text,
    customer: z.unknown().optional(),
    currency: text,
    total_price: money,
    subtotal_price: money,
    total_tax: money,
    total_discounts: money,
    refunds: RefundTransactionsSchema,
    financial_status: text,
    fulfillment_status: text,
    checkout_token: text,
    cart_token: text,
    checkout_id: optionalId,
    source_name: text,
    line_items: LineItemsSchema,
    created_at: timestamp,
    processed_at: timestamp,
    updated_at: timestamp,
    cancelled_at: timestamp,
    cancel_reason: text,
  })
  .refine((order) => order.id !== null || order.admin_graphql_api_id !== null, { message: "order has no id", path: ["id"] });

/** Any `orders/*` webhook body (REST order); the docs' big ids arrive as exact strings from parseShopifyJson. */
export function readOrderFact(payload: unknown): Result<OrderFact, Unmappable> {
  const read = readWith(OrderPayloadSchema, payload, "order");
  if (!read.ok) return read;
  const order = read.value;
  return {
    ok: true,
    value: {
      orderId: (order.id ?? order.admin_graphql_api_id)!,
      name: order.name,
      customer: readEmbeddedCustomer(order.customer),
      currency: upper(order.currency),
      totalPrice: order.total_price ?? 0,
      subtotalPrice: order.subtotal_price,
      totalTax: order.total_tax,
      totalDiscounts: order.total_discounts,
      totalRefunded: Math.round(order.refunds * 100) / 100,
      financialStatus: order.financial_status,
      fulfillmentStatus: order.fulfillment_status,
      checkoutToken: order.checkout_token,
      cartToken: order.cart_token,
      checkoutId: order.checkout_id,
      sourceName: order.source_name,
      lineItems: order.line_items,
      createdAt: order.created_at,
      processedAt: order.processed_at,
      updatedAt: order.updated_at,
      cancelledAt: order.cancelled_at,
      cancelReason: order.cancel_reason,
    },
  };
}
