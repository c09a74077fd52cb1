import { z } from "zod";
import { newId } from "../../lib/ids.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import { planEvent, type IngestPlan } from "./ingest-plan.ts";
import { isCheckoutStep, mapCartLine, mapCheckout, type PixelBase } from "./map-pixel-cart-checkout.ts";
import { money, optionalId, quantity, text, upper } from "../../shopify/payload/read-fields.ts";
import { pageProperties, PixelEventSchema, PixelVariantSchema, variantProperties } from "./read-pixel-event.ts";
import { readWith, type Unmappable } from "../../shopify/payload/read-result.ts";
import { customDataProblem } from "../../shopify/payload/check-custom-data.ts";

/** The visitor comes from the signed pixel token, never from the event: the pixel cannot name a customer. */
export type PixelContext = { tenantId: string; clientId: string; receivedAt: number };

/**
 * Maps one Web Pixels event (spec §3): page/product/cart/search events become canonical events keyed by the event
 * id; `checkout_started` shares `checkout_start:<token>` with the webhook; `checkout_completed` never counts a
 * purchase itself, it is held on the checkout as enrichment for the webhook's purchase.
 */
export function mapPixelEvent(plan: IngestPlan, ctx: PixelContext, raw: unknown): Result<void, Unmappable> {
  const read = readWith(PixelEventSchema, raw, "pixel event");
  if (!read.ok) return read;
  const event = read.value;
  if (event.clientId !== ctx.clientId) return err({ reason: "pixel event clientId differs from the pixel session's" });
  const occurredAt = occurredAtWithin(event.timestamp, ctx.receivedAt);
  const page = pageProperties(event);
  const base: PixelBase = {
    tenantId: ctx.tenantId,
    id: newId("event"),
    source: "pixel",
    occurredAt,
    receivedAt: ctx.receivedAt,
    customerId: null,
    orderRef: null,
    anonymousId: ctx.clientId,
    sourceUpdatedAt: null,
  };
  const key = `pixel:${ctx.clientId}:${event.id}`;
  plan.visitors.push({ tenantId: ctx.tenantId, clientId: ctx.clientId, at: occurredAt });
  const data = event.data ?? {};

  if (event.type === "custom") {
    const problem = customDataProblem(event.customData);
    if (problem) return err({ reason: problem });
    planEvent(plan, { ...base, name: "custom_event", dedupKey: key, properties: { eventName: event.name, data: event.customData ?? null, page } });
    return ok(undefined);
  }
  switch (event.name) {
    case "page_viewed":
      planEvent(plan, { ...base, name: "page_view", dedupKey: key, properties: { page } });
      return ok(undefined);
    case "product_viewed": {
      const variant = readWith(PixelVariantSchema, (data.productVariant as unknown) ?? null, "product_viewed.data.productVariant");
      if (!variant.ok) return variant;
      planEvent(plan, { ...base, name: "product_view", dedupKey: key, properties: { ...variantProperties(variant.value), page } });
      return ok(undefined);
    }
    case "product_added_to_cart":
    case "product_removed_from_cart":
      return mapCartLine(plan, base, key, event, page);
    case "collection_viewed": {
      const collection = readWith(CollectionSchema, data.collection ?? {}, "collection_viewed.data.collection");
      if (!collection.ok) return collection;
      planEvent(plan, { ...base, name: "collection_view", dedupKey: key, properties: { collectionId: collection.value.id, title: collection.value.title, page } });
      return ok(undefined);
    }
    case "cart_viewed": {
      const cart = readWith(CartSchema, data.cart ?? {}, "cart_viewed.data.cart");
      if (!cart.ok) return cart;
      const { id, totalQuantity, cost } = cart.value;
      const properties = { cartId: id, currency: upper(cost?.totalAmount?.currencyCode ?? null), totalPrice: cost?.totalAmount?.amount ?? null, itemCount: totalQuantity, page };
      planEvent(plan, { ...base, name: "cart_view", dedupKey: key, properties });
      return ok(undefined);
    }
    case "search_submitted": {
      const search = readWith(SearchSchema, data.searchResult ?? {}, "search_submitted.data.searchResult");
      if (!search.ok) return search;
      planEvent(plan, { ...base, name: "search", dedupKey: key, properties: { query: search.value.query, resultCount: search.value.productVariants?.length ?? 0, page } });
      return ok(undefined);
    }
    case "alert_displayed": {
      const alert = readWith(AlertSchema, data.alert ?? {}, "alert_displayed.data.alert");
      if (!alert.ok) return alert;
      planEvent(plan, { ...base, name: "alert_displayed", dedupKey: key, properties: { alertType: alert.value.type, message: alert.value.message, page } });
      return ok(undefined);
    }
    case "ui_extension_errored": {
      const error = readWith(ExtensionErrorSchema, data.error ?? {}, "ui_extension_errored.data.error");
      if (!error.ok) return error;
      planEvent(plan, { ...base, name: "ui_extension_errored", dedupKey: key, properties: { extensionName: error.value.extensionName, message: error.value.message, page } });
      return ok(undefined);
    }
    case "checkout_started":
    case "checkout_completed":
      return mapCheckout(plan, base, key, event, page);
    default: {
      if (isCheckoutStep(event.name)) return mapCheckout(plan, base, key, event, page);
      return err({ reason: `pixel event ${event.name} is not a standard or custom event` });
    }
  }
}

// The browser's clock may be off a little; a time past these bounds is made up, and the receive time is the one known.
const MAX_AHEAD_MS = 5 * 60_000;
const MAX_BEHIND_MS = 366 * 24 * 60 * 60_000;

/** The event's own time when it is within a window around its receive time, else the receive time. */
function occurredAtWithin(timestamp: number | null | undefined, receivedAt: number): number {
  if (timestamp === null || timestamp === undefined) return receivedAt;
  return timestamp > receivedAt + MAX_AHEAD_MS || timestamp < receivedAt - MAX_BEHIND_MS ? receivedAt : timestamp;
}

const CollectionSchema = z.object({ id: optionalId, title: text });
const CartSchema = z.object({ id: text, totalQuantity: quantity, cost: z.object({ totalAmount: z.object({ amount: money, currencyCode: text }).nullish() }).nullish() });
const SearchSchema = z.object({ query: z.string(), productVariants: z.array(z.unknown()).nullish() });
const AlertSchema = z.object({ type: text, message: text });
const ExtensionErrorSchema = z.object({ extensionName: text, message: text });
