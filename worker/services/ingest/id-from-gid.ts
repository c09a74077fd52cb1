/** `gid://shopify/Order/123?x=y` → `123`; other strings unchanged. */
export function idFromGid(value: string): string {
  if (!value.startsWith("gid://")) return value;
  const tail = value.slice(value.lastIndexOf("/") + 1);
  const query = tail.indexOf("?");
  return query === -1 ? tail : tail.slice(0, query);
}
