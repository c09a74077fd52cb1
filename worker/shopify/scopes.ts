/** Access scopes declared in shopify.app.toml; keep both lists identical (a test checks). */
export const DECLARED_SCOPES = [
  "read_products",
  "write_products",
  "read_orders",
  "read_all_orders",
  "read_customers",
  "write_customers",
  "read_inventory",
  "read_checkouts",
  "read_fulfillments",
  "read_locations",
  "read_themes",
  "write_pixels",
  "read_customer_events",
  "write_discounts",
  "write_app_proxy",
] as const;

export type Scope = (typeof DECLARED_SCOPES)[number];

/** Declared scopes missing from a granted scope string (`read_orders,write_products`); write implies read. */
export function missingScopes(granted: string): string[] {
  const have = new Set(granted.split(",").map((scope) => scope.trim()).filter(Boolean));
  return DECLARED_SCOPES.filter((scope) => {
    if (have.has(scope)) return false;
    return !(scope.startsWith("read_") && have.has(`write_${scope.slice("read_".length)}`));
  });
}
