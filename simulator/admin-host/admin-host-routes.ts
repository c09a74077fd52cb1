import type { Hono } from "hono";
import { cors } from "hono/cors";
import { mintSessionToken } from "../auth/session-token.ts";
import type { SimContext } from "../types.ts";
import { appUrl } from "../webhooks/build-delivery.ts";
import { APP_BRIDGE_SCRIPT, POLARIS_SCRIPT } from "./app-bridge-script.ts";

const escapeHtml = (value: string) => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** A local stand-in for the Shopify admin: frames the app the way the admin embeds it, with its scripts. */
export function registerAdminHostRoutes(app: Hono, ctx: SimContext): void {
  app.use("/_sim/shops/:shop/session-token", cors({ origin: (origin) => origin, allowMethods: ["POST"], allowHeaders: ["content-type"] }));

  app.get("/_sim/app-bridge.js", (c) => c.body(APP_BRIDGE_SCRIPT, 200, { "Content-Type": "text/javascript; charset=utf-8" }));
  app.get("/_sim/polaris.js", (c) => c.body(POLARIS_SCRIPT, 200, { "Content-Type": "text/javascript; charset=utf-8" }));

  app.get("/_sim/admin/:shop", (c) => {
    const shop = ctx.shops.get(c.req.param("shop") ?? "");
    if (!shop) return c.text("Unknown shop", 404);
    const store = shop.domain.replace(".myshopify.com", "");
    const frame = new URL(`${appUrl(ctx)}/app`);
    frame.searchParams.set("embedded", "1");
    frame.searchParams.set("shop", shop.domain);
    frame.searchParams.set("host", Buffer.from(`admin.shopify.com/store/${store}`).toString("base64url"));
    frame.searchParams.set("id_token", mintSessionToken(shop.domain, ctx.options.app));
    return c.html(`<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(shop.name)} · Simulated admin</title>
<style>body{margin:0;font-family:system-ui}header{padding:8px 16px;background:#1a1a1a;color:#fff}iframe{border:0;width:100%;height:calc(100vh - 40px)}</style></head>
<body><header>Simulated Shopify admin · ${escapeHtml(shop.domain)}</header><iframe src="${escapeHtml(frame.toString())}" title="SegOps"></iframe></body></html>`);
  });
}
