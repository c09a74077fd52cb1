/** The product's page in Shopify admin: `admin.shopify.com/store/{store}/products/{id}`, the store being the shop's subdomain. */
export function shopifyProductUrl(shop: string, shopifyProductId: string): string {
  return `https://admin.shopify.com/store/${shop.replace(/\.myshopify\.com$/, "")}/products/${shopifyProductId}`;
}
