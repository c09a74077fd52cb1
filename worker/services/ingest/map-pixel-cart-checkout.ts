import type { z } from "zod";
import { err, ok, type Result } from "../../lib/result.ts";
import { isoTime } from "./fact-context.ts";
import { planEvent, type IngestPlan, type PlannedEvent } from "./ingest-plan.ts";
import { upper } from "../../shopify/payload/read-fields.ts";
import { checkoutLineItems, PixelCartLineSchema, PixelCheckoutSchema, variantProperties, type PixelEvent, type pageProperties } from "./read-pixel-event.ts";
import { readWith, type Unmappable } from "../../shopify/payload/read-result.ts";

export type PixelBase = Omit<PlannedEvent, "name" | "properties" | "dedupKey">;
type Page = ReturnType<typeof pageProperties>;

const CHECKOUT_STEPS: Record<string, "checkout_contact_info" | "checkout_address_info" | "checkout_shipping_info" | "payment_info"> = {
  checkout_contact_info_submitted: "checkout_contact_info",
  checkout_address_info_submitted: "checkout_address_info",
  checkout_shipping_info_submitted: "checkout_shipping_info",
  payment_info_submitted: "payment_info",
};

export const isCheckoutStep = (name: string) => name in CHECKOUT_STEPS;

/** `product_added_to_cart` / `product_removed_from_cart`: the line's variant, quantity and total. */
export function mapCartLine(plan: IngestPlan, base: PixelBase, key: string, event: PixelEvent, page: Page): Result<void, Unmappable> {
  const line = readWith(PixelCartLineSchema, event.data?.cartLine ?? null, `${event.name}.data.cartLine`);
  if (!line.ok) return line;
  const { quantity: count, cost, merchandise } = line.value;
  const properties = { ...variantProperties(merchandise), quantity: count, lineTotal: cost?.totalAmount?.amount ?? null, page };
  planEvent(plan, { ...base, name: event.name === "product_added_to_cart" ? "add_to_cart" : "remove_from_cart", dedupKey: key, properties });
  return ok(undefined);
}

/**
 * Checkout events record the visitor on the checkout token (the identity stitch waits there for the order webhook).
 * `checkout_started` counts the shared `checkout_start:<token>`; `checkout_completed` is held as purchase enrichment.
 */
export function mapCheckout(plan: IngestPlan, base: PixelBase, key: string, event: PixelEvent, page: Page): Result<void, Unmappable> {
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
