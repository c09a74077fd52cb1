import type { CollectorConfig } from "./call-collector.ts";

const STANDARD_EVENTS = new Set([
  "page_viewed",
  "product_viewed",
  "collection_viewed",
  "search_submitted",
  "product_added_to_cart",
  "product_removed_from_cart",
  "cart_viewed",
  "checkout_started",
  "checkout_contact_info_submitted",
  "checkout_address_info_submitted",
  "checkout_shipping_info_submitted",
  "payment_info_submitted",
  "checkout_completed",
  "alert_displayed",
  "ui_extension_errored",
]);
const NEVER_SAMPLED = /^(product_added_to_cart|product_removed_from_cart|cart_viewed|checkout_\w+|payment_info_submitted)$/;
const encoder = new TextEncoder();

/** Whether a tracked event goes to the collector: cart, checkout and purchase events ignore sampling. */
export function selectEvent(event: { name: string; clientId: string }, config: CollectorConfig): boolean {
  if (!config.trackedEvents.includes(event.name)) return false;
  return NEVER_SAMPLED.test(event.name) || isSampledIn(event.clientId, config.samplingPercent);
}

/** FNV-1a (32-bit) of the clientId's UTF-8 bytes, mod 100, below the percentage: a visitor is in or out for good. */
export function isSampledIn(clientId: string, samplingPercent: number): boolean {
  let hash = 0x811c9dc5;
  for (const byte of encoder.encode(clientId)) hash = Math.imul(hash ^ byte, 0x01000193);
  return (hash >>> 0) % 100 < samplingPercent;
}

export function namesCustomEvent(trackedEvents: readonly string[]): boolean {
  return trackedEvents.some((name) => !STANDARD_EVENTS.has(name));
}
