import type { Hono } from "hono";
import { readJson } from "../lib/read-body.ts";
import { guarded, requireShop } from "../control/respond.ts";
import type { SimContext } from "../types.ts";
import { appUrl } from "../webhooks/build-delivery.ts";
import { signedAppProxyQuery, type AppProxyRequestOptions } from "./app-proxy.ts";

/**
 * Shopify's storefront side of SegOps' surfaces: signed app proxy requests, as a query for tests or forwarded like
 * the real proxy from `/storefront/:shopName/apps/segops/*`.
 */
export function registerStorefrontRoutes(app: Hono, ctx: SimContext): void {
  app.post("/_sim/shops/:shop/app-proxy-query", (c) =>
    guarded(c, async () => {
      const shop = requireShop(c, ctx);
      if (shop instanceof Response) return shop;
      const options = await readJson<AppProxyRequestOptions>(c);
      return c.json({ query: signedAppProxyQuery(shop.domain, ctx.options.app.apiSecret, options).toString() });
    }),
  );

  // The storefront address of the app proxy: cookies stay behind, the query is signed, the answer comes back as is
  // (Shopify would render a Liquid answer in the theme; the simulator shows the Liquid source).
  app.get("/storefront/:shopName/apps/segops/*", async (c) => {
    const shop = ctx.shops.get(`${c.req.param("shopName")}.myshopify.com`);
    if (!shop) return c.json({ error: { code: "shop_not_found", message: "No such simulated shop" } }, 404);
    const url = new URL(c.req.url);
    const rest = url.pathname.slice(`/storefront/${c.req.param("shopName")}/apps/segops`.length);
    const query: Record<string, string[]> = {};
    for (const [key, value] of url.searchParams) if (key !== "customer_id") query[key] = [...(query[key] ?? []), value];
    const signed = signedAppProxyQuery(shop.domain, ctx.options.app.apiSecret, { query, customerId: url.searchParams.get("customer_id") ?? "" });
    const answer = await fetch(`${appUrl(ctx)}/proxy${rest}?${signed}`);
    return new Response(await answer.text(), { status: answer.status, headers: { "Content-Type": answer.headers.get("Content-Type") ?? "text/plain" } });
  });
}
