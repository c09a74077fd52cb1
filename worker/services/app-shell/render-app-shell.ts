import type { Deps } from "../../context/deps.ts";
import type { Config } from "../../env.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import { parseShopDomain } from "../../shopify/shop-domain.ts";

const SHOPIFY_CDN = {
  appBridge: "https://cdn.shopify.com/shopifycloud/app-bridge.js",
  polaris: "https://cdn.shopify.com/shopifycloud/polaris.js",
};

export type AppShellPage = { html: string; headers: Record<string, string> };

/** App Bridge and Polaris load from Shopify's CDN; against the simulator (no CDN reachable) from its stand-ins. */
function appShellScripts(config: Config): { appBridge: string; polaris: string } {
  const simulator = config.SHOPIFY_ADMIN_ORIGIN ? new URL(config.SHOPIFY_ADMIN_ORIGIN).origin : null;
  if (!simulator) return SHOPIFY_CDN;
  return { appBridge: `${simulator}/_sim/app-bridge.js`, polaris: `${simulator}/_sim/polaris.js` };
}

/** Shopify only frames apps whose CSP names the shop and the admin as frame ancestors (plus the simulator locally). */
function frameAncestors(config: Config, shopParam: string | null): string {
  const shop = parseShopDomain(shopParam);
  const sources = [...(shop ? [`https://${shop}`] : []), "https://admin.shopify.com"];
  if (config.SHOPIFY_ADMIN_ORIGIN) sources.push(new URL(config.SHOPIFY_ADMIN_ORIGIN).origin);
  return `frame-ancestors ${sources.join(" ")};`;
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function fillAppShell(template: string, config: Config): string {
  const scripts = appShellScripts(config);
  const values: Record<string, string> = {
    SHOPIFY_API_KEY: config.SHOPIFY_API_KEY,
    APP_BRIDGE_URL: scripts.appBridge,
    POLARIS_URL: scripts.polaris,
  };
  return template.replace(/%(SHOPIFY_API_KEY|APP_BRIDGE_URL|POLARIS_URL)%/g, (_, name: string) => escapeAttribute(values[name]!));
}

/**
 * The embedded admin's document for any /app path: the built index.html with its placeholders filled. Never
 * cached, so a deploy or a key change reaches the merchant on the next load.
 */
export async function renderAppShell(args: { ctx: Deps; input: { requestUrl: string } }): Promise<Result<AppShellPage, { reason: "not_built" }>> {
  const { ctx, input } = args;
  const url = new URL(input.requestUrl);
  const template = await ctx.env.ASSETS.fetch(new URL("/", url));
  if (!template.ok) return err({ reason: "not_built" });
  return ok({
    html: fillAppShell(await template.text(), ctx.config),
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Content-Security-Policy": frameAncestors(ctx.config, url.searchParams.get("shop")),
      "X-Content-Type-Options": "nosniff",
    },
  });
}
