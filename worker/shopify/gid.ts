const GID_TYPE = /^gid:\/\/shopify\/([^/]+)\//;

/** `gid://shopify/Order/123?x=y` → `123`; other strings unchanged. */
export function idFromGid(value: string): string {
  if (!value.startsWith("gid://")) return value;
  const tail = value.slice(value.lastIndexOf("/") + 1);
  const query = tail.indexOf("?");
  return query === -1 ? tail : tail.slice(0, query);
}

/** `gid://shopify/LineItem/1` → `LineItem`; null for anything that is not a Shopify gid. */
export function typeFromGid(value: string): string | null {
  return GID_TYPE.exec(value)?.[1] ?? null;
}

/** `("Customer", "123")` → `gid://shopify/Customer/123`, the id the Admin API takes. */
export function toGid(type: string, id: string): string {
  return `gid://shopify/${type}/${id}`;
}
