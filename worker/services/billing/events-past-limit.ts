import { PIXEL_EVENT_CATALOG } from "../pixel-settings/pixel-event-catalog.ts";

// Cart and checkout steps: what the pixel never samples, and what identity and checkout enrichment hang on.
const KEPT = new Set(PIXEL_EVENT_CATALOG.filter((entry) => entry.neverSampled).map((entry) => entry.canonical));

/**
 * What a tenant past its month's events limit still stores from the storefront: cart and checkout events. Browsing
 * events (page, collection and product views, searches, alerts) stop until the next month or an upgrade; webhooks
 * are never filtered.
 */
export function keepPastEventLimit<E extends { name: string }>(events: readonly E[]): { kept: E[]; dropped: number } {
  const kept = events.filter((event) => KEPT.has(event.name));
  return { kept, dropped: events.length - kept.length };
}
