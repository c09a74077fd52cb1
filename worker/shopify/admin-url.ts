import type { Config } from "../env.ts";

/** Where a shop's Admin API and OAuth live: `https://{shop}` in production, the simulator when SHOPIFY_ADMIN_ORIGIN is set. */
export function shopAdminUrl(config: Config, shop: string, path: string): string {
  const origin = config.SHOPIFY_ADMIN_ORIGIN ? `${config.SHOPIFY_ADMIN_ORIGIN.replace(/\/$/, "")}/${shop}` : `https://${shop}`;
  return `${origin}${path}`;
}

export function graphqlUrl(config: Config, shop: string): string {
  return shopAdminUrl(config, shop, `/admin/api/${config.SHOPIFY_API_VERSION}/graphql.json`);
}
