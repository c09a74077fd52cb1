const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

/** The canonical `acme.myshopify.com`, or null for anything else (no custom domains, no paths, no ports). */
export function parseShopDomain(value: string | null | undefined): string | null {
  if (!value) return null;
  const shop = value.trim().toLowerCase().replace(/^https?:\/\//, "").replace(/\/$/, "");
  return SHOP_DOMAIN.test(shop) ? shop : null;
}

export function shopSubdomain(shop: string): string {
  return shop.slice(0, shop.indexOf("."));
}
