import { z } from "zod";
import type { Result } from "../../lib/result.ts";
import type { OrderFact } from "../ingest/index.ts";
import type { Unmappable } from "../../shopify/payload/read-result.ts";
import { idValue, objectValue, readFast, textValue, timestampValue } from "../../shopify/payload/read-field-values.ts";
import { shopifyId, text, timestamp, upper } from "../../shopify/payload/read-fields.ts";
import { readEmbeddedBulkCustomer } from "./read-bulk-customer.ts";
import { BulkMoneySchema, bulkMoneyValue, readBulkLineItems } from "./read-bulk-line-items.ts";

export const BulkOrderSchema = z.object({
  id: shopifyId,
  name: text,
  createdAt: timestamp,
  processedAt: timestamp,
  updatedAt: timestamp,
  cancelledAt: timestamp,
  cancelReason: text,
  displayFinancialStatus: text,
  displayFulfillmentStatus: text,
  currencyCode: text,
  sourceName: text,
  totalPriceSet: BulkMoneySchema,
  subtotalPriceSet: BulkMoneySchema,
  totalTaxSet: BulkMoneySchema,
  totalRefundedSet: BulkMoneySchema,
  customer: z.unknown().optional(),
});

/** `BulkOrderSchema` without zod (see read-field-values.ts). */
export function bulkOrderValue(value: unknown): z.output<typeof BulkOrderSchema> {
  const order = objectValue(value);
  return {
    id: idValue(order.id),
    name: textValue(order.name),
    createdAt: timestampValue(order.createdAt),
    processedAt: timestampValue(order.processedAt),
    updatedAt: timestampValue(order.updatedAt),
    cancelledAt: timestampValue(order.cancelledAt),
    cancelReason: textValue(order.cancelReason),
    displayFinancialStatus: textValue(order.displayFinancialStatus),
    displayFulfillmentStatus: textValue(order.displayFulfillmentStatus),
    currencyCode: textValue(order.currencyCode),
    sourceName: textValue(order.sourceName),
    totalPriceSet: bulkMoneyValue(order.totalPriceSet),
    subtotalPriceSet: bulkMoneyValue(order.subtotalPriceSet),
    totalTaxSet: bulkMoneyValue(order.totalTaxSet),
    totalRefundedSet: bulkMoneyValue(order.totalRefundedSet),
    customer: order.customer,
  };
}

// The webhook's `fulfillment_status` is null until something ships; GraphQL says UNFULFILLED.
const FULFILLMENT: Record<string, string | null> = { FULFILLED: "fulfilled", PARTIALLY_FULFILLED: "partial", UNFULFILLED: null };

const lower = (value: string | null) => value?.toLowerCase() ?? null;

/** An `Order` with its `LineItem` children, read into the same fact an `orders/*` webhook gives. */
export function readBulkOrder(value: unknown, lineItems: readonly unknown[]): Result<OrderFact, Unmappable> {
  const read = readFast(BulkOrderSchema, bulkOrderValue, value, "order");
  if (!read.ok) return read;
  const order = read.value;
  const fulfillment = order.displayFulfillmentStatus;
  return {
    ok: true,
    value: {
      orderId: order.id,
      name: order.name,
      customer: readEmbeddedBulkCustomer(order.customer),
      currency: upper(order.currencyCode ?? order.totalPriceSet?.shopMoney.currencyCode ?? null),
      totalPrice: order.totalPriceSet?.shopMoney.amount ?? 0,
      subtotalPrice: order.subtotalPriceSet?.shopMoney.amount ?? null,
      totalTax: order.totalTaxSet?.shopMoney.amount ?? null,
      totalDiscounts: null,
      totalRefunded: order.totalRefundedSet?.shopMoney.amount ?? 0,
      financialStatus: lower(order.displayFinancialStatus),
      fulfillmentStatus: fulfillment === null ? null : (FULFILLMENT[fulfillment] ?? fulfillment.toLowerCase()),
      checkoutToken: null,
      cartToken: null,
      checkoutId: null,
      sourceName: order.sourceName,
      lineItems: readBulkLineItems(lineItems),
      createdAt: order.createdAt,
      processedAt: order.processedAt,
      updatedAt: order.updatedAt,
      cancelledAt: order.cancelledAt,
      cancelReason: lower(order.cancelReason),
    },
  };
}
