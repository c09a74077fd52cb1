import { parseShopDomain } from "../../shopify/shop-domain.ts";

export type ShopifyHeaders = {
  topic: string | null;
  shop: string | null;
  webhookId: string | null;
  eventId: string | null;
  triggeredAt: string | null;
  apiVersion: string | null;
  hmac: string | null;
};

/**
 * Shopify's delivery metadata from HTTP headers or Pub/Sub attributes, read case-insensitively; the
 * un-prefixed `shopify-*` names of the newer events deliveries are accepted too (reference §2.4).
 */
export function readShopifyHeaders(lookup: (lowercaseName: string) => string | null | undefined): ShopifyHeaders {
  const read = (name: string) => {
    const value = lookup(`x-shopify-${name}`) ?? lookup(`shopify-${name}`);
    return value ? value.trim() || null : null;
  };
  return {
    topic: read("topic"),
    shop: parseShopDomain(read("shop-domain")),
    webhookId: read("webhook-id"),
    eventId: read("event-id"),
    triggeredAt: read("triggered-at"),
    apiVersion: read("api-version"),
    hmac: read("hmac-sha256"),
  };
}

/** A case-insensitive view of Pub/Sub message attributes. */
export function attributeLookup(attributes: Record<string, string>): (lowercaseName: string) => string | undefined {
  const lowered = new Map(Object.entries(attributes).map(([key, value]) => [key.toLowerCase(), value]));
  return (name) => lowered.get(name);
}
