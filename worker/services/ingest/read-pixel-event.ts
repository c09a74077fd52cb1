import { z } from "zod";
import type { LineItemFact } from "./facts.ts";
import { money, optionalId, quantity, text, timestamp, upper } from "../../shopify/payload/read-fields.ts";

/** A Web Pixels event as `analytics.subscribe` delivers it; fields SegOps does not read are dropped here. */
export const PixelEventSchema = z.object({
  id: z.string().min(1).max(200),
  name: z.string().min(1).max(100),
  type: z.string().nullish(),
  clientId: z.string().min(1).max(200),
  timestamp: timestamp,
  context: z
    .object({
      document: z
        .object({ location: z.object({ href: text, pathname: text }).nullish(), referrer: text, title: text })
        .nullish(),
    })
    .nullish(),
  data: z.record(z.string(), z.unknown()).nullish(),
  customData: z.unknown().optional(),
});

export type PixelEvent = z.output<typeof PixelEventSchema>;

const MoneyV2 = z.object({ amount: money, currencyCode: text }).nullish();

export const PixelVariantSchema = z
  .object({
    id: optionalId,
    title: text,
    sku: text,
    price: MoneyV2,
    product: z.object({ id: optionalId, title: text, vendor: text, type: text, url: text }).nullish(),
  })
  .nullish();

export type PixelVariant = z.output<typeof PixelVariantSchema>;

export const PixelCartLineSchema = z.object({
  quantity: quantity,
  cost: z.object({ totalAmount: MoneyV2 }).nullish(),
  merchandise: PixelVariantSchema,
});

/** The checkout object of checkout events; `order.customer` and contact fields are deliberately not read. */
export const PixelCheckoutSchema = z.object({
  token: text,
  currencyCode: text,
  totalPrice: MoneyV2,
  lineItems: z
    .array(z.object({ id: optionalId, quantity: quantity, title: text, variant: PixelVariantSchema, finalLinePrice: MoneyV2 }))
    .nullish(),
});

export function variantProperties(variant: PixelVariant) {
  return {
    productId: variant?.product?.id ?? null,
    variantId: variant?.id ?? null,
    title: variant?.product?.title ?? null,
    variantTitle: variant?.title ?? null,
    sku: variant?.sku ?? null,
    vendor: variant?.product?.vendor ?? null,
    productType: variant?.product?.type ?? null,
    price: variant?.price?.amount ?? null,
    currency: upper(variant?.price?.currencyCode ?? null),
    url: variant?.product?.url ?? null,
  };
}

export function checkoutLineItems(checkout: z.output<typeof PixelCheckoutSchema>): LineItemFact[] {
  return (checkout.lineItems ?? []).map((line) => ({
    lineItemId: line.id,
    productId: line.variant?.product?.id ?? null,
    variantId: line.variant?.id ?? null,
    sku: line.variant?.sku ?? null,
    title: line.title,
    quantity: line.quantity,
    price: line.variant?.price?.amount ?? null,
  }));
}

export function pageProperties(event: PixelEvent) {
  const document = event.context?.document;
  return {
    url: document?.location?.href ?? null,
    path: document?.location?.pathname ?? null,
    referrer: document?.referrer ?? null,
    title: document?.title ?? null,
  };
}
