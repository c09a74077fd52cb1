/** One Shopify standard event the web pixel can send, and what the collector makes of it (docs/pixel.md, "The collector"). */
export type PixelEventEntry = {
  name: string;
  label: string;
  canonical: string;
  /** false for `checkout_completed`: it enriches the webhook's `purchase` instead of being stored on its own. */
  counted: boolean;
  /** Cart, checkout and purchase events: the pixel sends them whatever the sampling (docs/pixel.md). */
  neverSampled: boolean;
};

/** Every standard event `extensions/web-pixel` subscribes to, in the funnel's order. */
export const PIXEL_EVENT_CATALOG: readonly PixelEventEntry[] = [
  { name: "page_viewed", label: "Page viewed", canonical: "page_view", counted: true, neverSampled: false },
  { name: "collection_viewed", label: "Collection viewed", canonical: "collection_view", counted: true, neverSampled: false },
  { name: "product_viewed", label: "Product viewed", canonical: "product_view", counted: true, neverSampled: false },
  { name: "search_submitted", label: "Search submitted", canonical: "search", counted: true, neverSampled: false },
  { name: "product_added_to_cart", label: "Product added to cart", canonical: "add_to_cart", counted: true, neverSampled: true },
  { name: "product_removed_from_cart", label: "Product removed from cart", canonical: "remove_from_cart", counted: true, neverSampled: true },
  { name: "cart_viewed", label: "Cart viewed", canonical: "cart_view", counted: true, neverSampled: true },
  { name: "checkout_started", label: "Checkout started", canonical: "checkout_start", counted: true, neverSampled: true },
  { name: "checkout_contact_info_submitted", label: "Contact info submitted", canonical: "checkout_contact_info", counted: true, neverSampled: true },
  { name: "checkout_address_info_submitted", label: "Address submitted", canonical: "checkout_address_info", counted: true, neverSampled: true },
  { name: "checkout_shipping_info_submitted", label: "Shipping submitted", canonical: "checkout_shipping_info", counted: true, neverSampled: true },
  { name: "payment_info_submitted", label: "Payment info submitted", canonical: "payment_info", counted: true, neverSampled: true },
  { name: "checkout_completed", label: "Checkout completed", canonical: "purchase", counted: false, neverSampled: true },
  { name: "alert_displayed", label: "Alert displayed", canonical: "alert_displayed", counted: true, neverSampled: false },
  { name: "ui_extension_errored", label: "UI extension errored", canonical: "ui_extension_errored", counted: true, neverSampled: false },
];

const KNOWN = new Set(PIXEL_EVENT_CATALOG.map((entry) => entry.name));

export const unknownPixelEvents = (names: readonly string[]): string[] => names.filter((name) => !KNOWN.has(name));

/** The names in catalog order without repeats, so a stored list reads the same however it was sent. */
export const orderPixelEvents = (names: readonly string[]): string[] => PIXEL_EVENT_CATALOG.map((entry) => entry.name).filter((name) => names.includes(name));
