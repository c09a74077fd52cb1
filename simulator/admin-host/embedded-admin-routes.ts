import { readFileSync } from "node:fs";
import type { Context, Hono } from "hono";
import { cors } from "hono/cors";
import { mintSessionToken } from "../auth/session-token.ts";
import type { SimContext } from "../types.ts";
import { appUrl } from "../webhooks/build-delivery.ts";
import { renderAdminFrame, renderAppFrame, renderNotice } from "./render-host-page.ts";

const STAND_INS: Record<string, { body: string; type: string }> = Object.fromEntries(
  [
    ["app-bridge.js", "text/javascript; charset=utf-8"],
    ["polaris.js", "text/javascript; charset=utf-8"],
    ["polaris.css", "text/css; charset=utf-8"],
  ].map(([name, type]) => [name, { body: readFileSync(new URL(`./assets/${name}`, import.meta.url), "utf8"), type: type! }]),
);

function notFound(c: Context, message: string) {
  return c.html(`<!doctype html><title>Not found</title><p>${message.replace(/</g, "&lt;")}</p>`, 404);
}

/**
 * Shopify admin's side of an embedded app, for local runs: the admin page that frames the app
 * (`/store/:shopName/apps/:handle`, where `embeddedAdminUrl` points, and any path under it, which frames the same path
 * under the app's `/app` with the query kept, as a billing return URL needs), the App Bridge and Polaris stand-ins the
 * app's shell loads instead of Shopify's CDN, and the scope re-approval page (`/:shop/admin/oauth/install`).
 */
export function registerEmbeddedAdminRoutes(app: Hono, ctx: SimContext): void {
  // The App Bridge stand-in runs in the app's origin and mints its session tokens here.
  app.use("/_sim/shops/:shop/session-token", cors({ origin: (origin) => origin, allowMethods: ["POST"], allowHeaders: ["content-type"] }));
  for (const [name, { body, type }] of Object.entries(STAND_INS)) {
    app.get(`/_sim/${name}`, (c) => c.body(body, 200, { "Content-Type": type, "Cache-Control": "no-cache" }));
  }

  const frameApp = (c: Context) => {
    const shopName = c.req.param("shopName") ?? "";
    const handle = c.req.param("handle") ?? "";
    const shop = ctx.shops.get(`${shopName}.myshopify.com`);
    if (!shop) return notFound(c, `No simulated shop ${shopName}.myshopify.com; create it with POST /_sim/shops.`);
    if (![ctx.options.app.handle ?? handle, ctx.options.app.apiKey].includes(handle)) return notFound(c, `No app ${handle} on this shop.`);
    const page = (content: string) => c.html(renderAdminFrame(shop, handle, c.req.path, content));
    if (!shop.installed) {
      const install = { label: "Install app", url: `/_sim/shops/${shop.domain}/install`, body: {}, next: c.req.path };
      return page(renderNotice(`${handle} is not installed on ${shop.name}.`, install));
    }
    const host = Buffer.from(`${new URL(c.req.url).host}/store/${shopName}`).toString("base64url");
    const adminPath = `/store/${shopName}/apps/${handle}`;
    const requested = new URL(c.req.url);
    const src = new URL(`${appUrl(ctx)}/app${requested.pathname.slice(adminPath.length).replace(/\/$/, "")}`);
    src.search = requested.search;
    const frame = { embedded: "1", shop: shop.domain, host, id_token: mintSessionToken(shop.domain, ctx.options.app), locale: "en" };
    for (const [name, value] of Object.entries(frame)) src.searchParams.set(name, value);
    return page(renderAppFrame(handle, src.toString()));
  };
  app.get("/store/:shopName/apps/:handle", frameApp);
  app.get("/store/:shopName/apps/:handle/*", frameApp);

  app.get("/:shop/admin/oauth/install", (c) => {
    const shop = ctx.shops.get(c.req.param("shop"));
    if (!shop) return notFound(c, `No simulated shop ${c.req.param("shop")}.`);
    if (c.req.query("client_id") !== ctx.options.app.apiKey) return c.html("<!doctype html><p>Unknown client_id.</p>", 400);
    const handle = ctx.options.app.handle ?? ctx.options.app.apiKey;
    const appPage = `/store/${shop.domain.replace(".myshopify.com", "")}/apps/${handle}`;
    const requested = ctx.options.app.scopes;
    const missing = requested.filter((scope) => !shop.grantedScopes.includes(scope));
    const message = missing.length > 0 ? `${handle} asks for access it does not have yet: ${missing.join(", ")}.` : `${handle} already has every scope it asks for.`;
    const approve = { label: "Update app", url: `/_sim/shops/${shop.domain}/scopes`, body: { granted: [...new Set([...shop.grantedScopes, ...requested])] }, next: appPage };
    return c.html(renderAdminFrame(shop, handle, appPage, renderNotice(message, approve)));
  });
}
