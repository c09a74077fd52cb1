import type { Config } from "../env.ts";
import { APP_HANDLE } from "./app-handle.ts";
import { shopSubdomain } from "./shop-domain.ts";

/** Where the merchant sees the embedded app: Shopify admin, or the simulator's admin host page locally. */
export function embeddedAdminUrl(config: Config, shop: string): string {
  const origin = config.SHOPIFY_ADMIN_ORIGIN?.replace(/\/$/, "") ?? "https://admin.shopify.com";
  return `${origin}/store/${shopSubdomain(shop)}/apps/${APP_HANDLE}`;
}
