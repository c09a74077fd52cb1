import type { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { checkConnectLink } from "../../services/connect-links/check-connect-link.ts";
import { escapeHtml, refuse, renderPage } from "./respond.ts";

/** `GET /connect?token=…`: checks the link, then asks which shop to install into (without using the link up). */
export function registerConnectPage(app: Hono<AppEnv>): void {
  app.get("/connect", async (c) => {
    const token = c.req.query("token") ?? "";
    const link = await checkConnectLink({ ctx: c.get("deps"), input: { token } });
    if (!link.ok) return refuse(c, link.error.reason === "expired" || link.error.reason === "used" ? "gone" : "bad_request", link.error.message);
    const form = `<p>Install SegOps on your Shopify store and attach it to your existing SegOps workspace.</p>
<form method="get" action="/auth"><input type="hidden" name="connect" value="${escapeHtml(token)}">
<label for="shop">Shop address</label><input id="shop" name="shop" placeholder="acme.myshopify.com" required pattern="[a-z0-9][a-z0-9-]*\\.myshopify\\.com">
<button type="submit">Install and connect</button></form>`;
    return c.html(renderPage("Connect your Shopify store", form));
  });
}
