import { z } from "zod";
import { newId } from "../../lib/ids.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import { isoTime } from "./fact-context.ts";
import { planEvent, type IngestPlan, type PlannedEvent } from "./ingest-plan.ts";
import { money, optionalId, quantity, text, upper } from "./read-fields.ts";
import {
  checkoutLineItems,
  pageProperties,
  PixelCartLineSchema,
  PixelCheckoutSchema,
  PixelEventSchema,
  PixelVariantSchema,
  variantProperties,
  type PixelEvent,
} from "./read-pixel-event.ts";
import { readWith, type Unmappable } from "./read-result.ts";

/** The visitor comes from the signed pixel token, never from the event: the pixel cannot name a customer. */
export type PixelContext = { tenantId: string; clientId: string; receivedAt: number };

type Base = Omit<PlannedEvent, "name" | "properties" | "dedupKey">;
type Page = ReturnType<typeof pageProperties>;

const CHECKOUT_STEPS: Record<string, "checkout_contact_info" | "checkout_address_info" | "checkout_shipping_info" | "payment_info"> = {
  checkout_contact_info_submitted: "checkout_contact_info",
  checkout_address_info_submitted: "checkout_address_info",
  checkout_shipping_info_submitted: "checkout_shipping_info",
  payment_info_submitted: "payment_info",
};

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
  const occurredAt = event.timestamp ?? ctx.receivedAt;
  const page = pageProperties(event);
  const base: Base = {
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
      if (CHECKOUT_STEPS[event.name]) return mapCheckout(plan, base, key, event, page);
      return err({ reason: `pixel event ${event.name} is not a standard or custom event` });
    }
  }
}

const CollectionSchema = z.object({ id: optionalId, title: text });
const CartSchema = z.object({ id: text, totalQuantity: quantity, cost: z.object({ totalAmount: z.object({ amount: money, currencyCode: text }).nullish() }).nullish() });
const SearchSchema = z.object({ query: z.string(), productVariants: z.array(z.unknown()).nullish() });
const AlertSchema = z.object({ type: text, message: text });
const ExtensionErrorSchema = z.object({ extensionName: text, message: text });

function mapCartLine(plan: IngestPlan, base: Base, key: string, event: PixelEvent, page: Page): Result<void, Unmappable> {
  const line = readWith(PixelCartLineSchema, event.data?.cartLine ?? null, `${event.name}.data.cartLine`);
  if (!line.ok) return line;
  const { quantity: count, cost, merchandise } = line.value;
  const properties = { ...variantProperties(merchandise), quantity: count, lineTotal: cost?.totalAmount?.amount ?? null, page };
  planEvent(plan, { ...base, name: event.name === "product_added_to_cart" ? "add_to_cart" : "remove_from_cart", dedupKey: key, properties });
  return ok(undefined);
}

function mapCheckout(plan: IngestPlan, base: Base, key: string, event: PixelEvent, page: Page): Result<void, Unmappable> {
  const read = readWith(PixelCheckoutSchema, event.data?.checkout ?? null, `${event.name}.data.checkout`);
  if (!read.ok) return read;
  const checkout: z.output<typeof PixelCheckoutSchema> = read.value;
  const token = checkout.token;
  const step = CHECKOUT_STEPS[event.name];
  const totalPrice = checkout.totalPrice?.amount ?? null;
  const currency = upper(checkout.currencyCode);
  if (step) {
    planEvent(plan, { ...base, name: step, dedupKey: key, properties: { checkoutToken: token, currency, totalPrice, page } });
  } else if (!token) {
    return err({ reason: `${event.name} without a checkout token` });
  }
  if (!token) return ok(undefined);

  const started = event.name === "checkout_started";
  const completed = event.name === "checkout_completed";
  const enrichment = completed ? { clientId: base.anonymousId!, eventId: event.id, occurredAt: isoTime(base.occurredAt), page } : null;
  plan.checkoutTokens.push({ tenantId: base.tenantId, token });
  plan.checkouts.push({
    tenantId: base.tenantId,
    token,
    cartToken: null,
    checkoutId: null,
    customerId: null,
    anonymousId: base.anonymousId,
    orderId: null,
    totalPrice: null,
    currency: null,
    enrichment,
    startedAt: started ? base.occurredAt : null,
    completedAt: completed ? base.occurredAt : null,
    sourceUpdatedAt: null,
  });
  if (started) {
    const properties = { checkoutToken: token, checkoutId: null, cartToken: null, currency, totalPrice, lineItems: checkoutLineItems(checkout), page };
    planEvent(plan, { ...base, name: "checkout_start", dedupKey: `checkout_start:${token}`, properties });
  }
  return ok(undefined);
}
