export type GidType =
  | "Customer"
  | "Order"
  | "Product"
  | "ProductVariant"
  | "LineItem"
  | "AbandonedCheckout"
  | "MailingAddress"
  | "MediaImage"
  | "ProductImage"
  | "Refund"
  | "Segment"
  | "WebhookSubscription"
  | "WebPixel"
  | "MetafieldDefinition"
  | "Metafield"
  | "BulkOperation"
  | "AppInstallation"
  | "AppSubscription"
  | "Shop"
  | "Fulfillment"
  | "ProductOption";

export function gid(type: GidType, id: string | number): string {
  return `gid://shopify/${type}/${id}`;
}

/** Accepts a GID or a bare numeric id; returns the numeric part and the type when given. */
export function parseId(value: string): { type: string | null; id: string } {
  const match = /^gid:\/\/shopify\/([A-Za-z]+)\/([^/?]+)/.exec(value);
  if (match) return { type: match[1]!, id: match[2]! };
  return { type: null, id: value };
}

/** Raw JSON number for payloads: ids above 2^53 must not pass through a JS number. */
const rawJSON = (JSON as unknown as { rawJSON(text: string): unknown }).rawJSON;

export function rawId(id: string | null | undefined): unknown {
  if (id === null || id === undefined) return null;
  if (!/^-?\d+$/.test(id)) return id;
  return rawJSON(id);
}
