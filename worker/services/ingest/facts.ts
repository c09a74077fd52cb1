/**
 * Source-neutral facts. Webhooks, the pixel and the bulk backfill each normalise their payloads into these, and the
 * fact appliers turn them into canonical events with the same business keys whatever the source.
 * Ids are Shopify's numeric ids as strings; times are epoch ms (null when the source had none or a malformed one).
 */

import type { ProductFields } from "../catalog/product-fields.ts";
import type { VariantTotals } from "../catalog/variant-totals.ts";

export type LineItemFact = {
  lineItemId: string | null;
  productId: string | null;
  variantId: string | null;
  sku: string | null;
  title: string | null;
  quantity: number;
  price: number | null;
};

/** Fields a source did not send are null, and null never erases what a profile already holds. */
export type CustomerFact = {
  customerId: string;
  email: string | null;
  phone: string | null;
  firstName: string | null;
  lastName: string | null;
  countryCode: string | null;
  tags: string[] | null;
  state: string | null;
  emailMarketingState: string | null;
  smsMarketingState: string | null;
  createdAt: number | null;
  updatedAt: number | null;
};

export type OrderFact = {
  orderId: string;
  name: string | null;
  customer: CustomerFact | null;
  currency: string | null;
  totalPrice: number;
  subtotalPrice: number | null;
  totalTax: number | null;
  totalDiscounts: number | null;
  totalRefunded: number;
  financialStatus: string | null;
  fulfillmentStatus: string | null;
  checkoutToken: string | null;
  cartToken: string | null;
  checkoutId: string | null;
  sourceName: string | null;
  lineItems: LineItemFact[];
  createdAt: number | null;
  processedAt: number | null;
  updatedAt: number | null;
  cancelledAt: number | null;
  cancelReason: string | null;
};

export type CheckoutFact = {
  token: string;
  checkoutId: string | null;
  cartToken: string | null;
  customer: CustomerFact | null;
  currency: string | null;
  totalPrice: number | null;
  subtotalPrice: number | null;
  lineItems: LineItemFact[];
  createdAt: number | null;
  updatedAt: number | null;
  completedAt: number | null;
};

export type CartFact = {
  token: string;
  currency: string | null;
  lineItems: LineItemFact[];
  createdAt: number | null;
  updatedAt: number | null;
};

export type ProductFact = { productId: string; updatedAt: number | null } & ProductFields & VariantTotals;

export type RefundFact = {
  refundId: string;
  orderId: string;
  amount: number;
  currency: string | null;
  note: string | null;
  lineItems: { lineItemId: string | null; quantity: number; subtotal: number | null }[];
  createdAt: number | null;
};

export type FulfillmentFact = {
  fulfillmentId: string;
  orderId: string;
  status: string | null;
  shipmentStatus: string | null;
  trackingCompany: string | null;
  trackingNumbers: string[];
  lineItemIds: string[];
  createdAt: number | null;
  updatedAt: number | null;
};

export type OrderEditFact = {
  orderEditId: string;
  orderId: string;
  added: { lineItemId: string; delta: number }[];
  removed: { lineItemId: string; delta: number }[];
  committedAt: number | null;
};

export type ConsentFact = {
  customerId: string;
  channel: "email" | "sms";
  state: string | null;
  optInLevel: string | null;
  consentUpdatedAt: number | null;
};
