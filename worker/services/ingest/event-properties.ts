import { z } from "zod";

const id = z.string().min(1);
const nullableId = id.nullable();
const nullableText = z.string().nullable();
const amount = z.number().nullable();
const isoTime = z.iso.datetime().nullable();

export const LineItemProperties = z.object({
  lineItemId: nullableId,
  productId: nullableId,
  variantId: nullableId,
  sku: nullableText,
  title: nullableText,
  quantity: z.number(),
  price: amount,
});

export const PageProperties = z.object({ url: nullableText, path: nullableText, referrer: nullableText, title: nullableText });

/** What a pixel `checkout_completed` adds to the webhook's purchase: who (client id) and where (page). */
export const PixelEnrichment = z.object({ clientId: id, eventId: id, occurredAt: isoTime, page: PageProperties });

const withPage = { page: PageProperties.optional() };

const order = z.object({
  orderId: id,
  name: nullableText,
  currency: nullableText,
  totalPrice: z.number(),
  subtotalPrice: amount,
  totalTax: amount,
  totalDiscounts: amount,
  totalRefunded: z.number(),
  financialStatus: nullableText,
  fulfillmentStatus: nullableText,
  checkoutToken: nullableText,
  cartToken: nullableText,
  customerId: nullableId,
  sourceName: nullableText,
  lineItems: z.array(LineItemProperties),
  cancelledAt: isoTime,
  cancelReason: nullableText,
  pixel: PixelEnrichment.optional(),
});

const checkout = z.object({
  checkoutToken: id,
  checkoutId: nullableId,
  cartToken: nullableText,
  currency: nullableText,
  totalPrice: amount,
  lineItems: z.array(LineItemProperties),
  ...withPage,
});

const cart = z.object({ cartToken: id, currency: nullableText, itemCount: z.number(), lineItems: z.array(LineItemProperties) });

const customer = z.object({
  customerId: id,
  state: nullableText,
  countryCode: nullableText,
  tags: z.array(z.string()).nullable(),
  emailMarketingState: nullableText,
  smsMarketingState: nullableText,
});

const productView = z.object({
  productId: nullableId,
  variantId: nullableId,
  title: nullableText,
  variantTitle: nullableText,
  sku: nullableText,
  vendor: nullableText,
  productType: nullableText,
  price: amount,
  currency: nullableText,
  url: nullableText,
  ...withPage,
});

const cartLine = z.object({ ...productView.shape, quantity: z.number(), lineTotal: amount });

const fulfillment = z.object({
  fulfillmentId: id,
  orderId: id,
  status: nullableText,
  shipmentStatus: nullableText,
  trackingCompany: nullableText,
  trackingNumbers: z.array(z.string()),
  lineItemIds: z.array(id),
});

const checkoutStep = z.object({ checkoutToken: nullableText, currency: nullableText, totalPrice: amount, ...withPage });

/** Typed properties of every canonical event; the ingest writer validates each event against its schema. */
export const EVENT_PROPERTIES = {
  purchase: order,
  order_created: order,
  order_updated: order,
  order_cancelled: order,
  order_deleted: z.object({ orderId: id }),
  order_modified: z.object({
    orderId: id,
    orderEditId: id,
    added: z.array(z.object({ lineItemId: id, delta: z.number() })),
    removed: z.array(z.object({ lineItemId: id, delta: z.number() })),
  }),
  refund: z.object({
    refundId: id,
    orderId: id,
    amount: z.number(),
    currency: nullableText,
    note: nullableText,
    lineItems: z.array(z.object({ lineItemId: nullableId, quantity: z.number(), subtotal: amount })),
  }),
  fulfillment_created: fulfillment,
  fulfillment_updated: fulfillment,
  checkout_start: checkout,
  checkout_update: checkout,
  cart_create: cart,
  cart_update: cart,
  customer_created: customer,
  customer_updated: customer,
  customer_deleted: z.object({ customerId: id }),
  consent_change: z.object({ customerId: id, channel: z.enum(["email", "sms"]), state: nullableText, optInLevel: nullableText }),
  page_view: z.object({ ...withPage }),
  product_view: productView,
  add_to_cart: cartLine,
  remove_from_cart: cartLine,
  collection_view: z.object({ collectionId: nullableId, title: nullableText, ...withPage }),
  cart_view: z.object({ cartId: nullableText, currency: nullableText, totalPrice: amount, itemCount: z.number(), ...withPage }),
  search: z.object({ query: z.string(), resultCount: z.number(), ...withPage }),
  checkout_contact_info: checkoutStep,
  checkout_address_info: checkoutStep,
  checkout_shipping_info: checkoutStep,
  payment_info: checkoutStep,
  alert_displayed: z.object({ alertType: nullableText, message: nullableText, ...withPage }),
  ui_extension_errored: z.object({ extensionName: nullableText, message: nullableText, ...withPage }),
  custom_event: z.object({ eventName: z.string(), data: z.unknown(), ...withPage }),
} satisfies Record<string, z.ZodType>;

export type CanonicalEventName = keyof typeof EVENT_PROPERTIES;
export type EventProperties<N extends CanonicalEventName> = z.input<(typeof EVENT_PROPERTIES)[N]>;

export const CANONICAL_EVENT_NAMES = Object.keys(EVENT_PROPERTIES) as CanonicalEventName[];
