/** Canonical event names (spec §3) a segment may count; webhook topics and pixel events both map onto these. */
export const SEGMENT_EVENT_NAMES = [
  "purchase",
  "order_created",
  "order_modified",
  "order_updated",
  "order_cancelled",
  "refund",
  "fulfillment_created",
  "fulfillment_updated",
  "checkout_start",
  "checkout_update",
  "cart_create",
  "cart_update",
  "add_to_cart",
  "page_view",
  "product_view",
  "search",
  "customer_created",
  "customer_updated",
  "consent_change",
] as const;

export type SegmentEventName = (typeof SEGMENT_EVENT_NAMES)[number];

export const isSegmentEventName = (name: string): name is SegmentEventName =>
  (SEGMENT_EVENT_NAMES as readonly string[]).includes(name);
