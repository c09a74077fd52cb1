import type { ShopState } from "../types.ts";

export const escapeHtml = (value: string): string =>
  value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

const STYLE = `
  body { margin: 0; font: 13px/1.45 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, sans-serif; background: #1a1a1a; color: #303030; }
  .topbar { height: 48px; display: flex; align-items: center; gap: 12px; padding: 0 16px; color: #e3e3e3; }
  .topbar strong { color: #fff; font-size: 15px; }
  .topbar .tag { background: #ffd6a4; color: #5e4200; border-radius: 8px; padding: 1px 8px; font-size: 12px; font-weight: 600; }
  .topbar .shop { margin-left: auto; }
  .frame { display: flex; height: calc(100vh - 48px); background: #ebebeb; border-radius: 12px 12px 0 0; overflow: hidden; }
  nav { width: 220px; padding: 12px 8px; box-sizing: border-box; }
  nav .heading { padding: 8px; color: #616161; font-weight: 600; }
  nav .app { display: block; padding: 6px 8px; border-radius: 8px; background: #fff; color: #303030; font-weight: 600; text-decoration: none; }
  main { flex: 1; display: flex; flex-direction: column; padding: 8px; }
  main iframe { flex: 1; width: 100%; border: 0; border-radius: 12px; background: #f1f1f1; }
  .notice { margin: 40px auto; max-width: 520px; background: #fff; border-radius: 12px; padding: 24px; }
  .notice button { margin-top: 12px; padding: 6px 14px; border-radius: 8px; border: 0; background: #303030; color: #fff; font-weight: 600; cursor: pointer; }`;

// Shopify admin performs App Bridge's top-level navigation for the app; here, only to the simulator's own pages.
const NAVIGATE_SCRIPT = `addEventListener("message", (event) => {
  const url = event.data && event.data.type === "sim-app-bridge:navigate" ? new URL(String(event.data.url), location.href) : null;
  if (url && url.origin === location.origin) location.assign(url.href);
});`;

/** The simulator's stand-in for Shopify admin around an embedded app: a top bar, the app in the sidebar, the app's frame. */
export function renderAdminFrame(shop: ShopState, appName: string, appHref: string, content: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(appName)} · ${escapeHtml(shop.name)} · Shopify admin (simulator)</title>
    <style>${STYLE}</style>
  </head>
  <body>
    <header class="topbar"><strong>Shopify admin</strong><span class="tag">simulator</span><span class="shop">${escapeHtml(shop.name)} · ${escapeHtml(shop.domain)}</span></header>
    <div class="frame">
      <nav aria-label="Apps"><div class="heading">Apps</div><a class="app" href="${escapeHtml(appHref)}" aria-current="page">${escapeHtml(appName)}</a></nav>
      <main>${content}</main>
    </div>
    <script>${NAVIGATE_SCRIPT}</script>
  </body>
</html>`;
}

export function renderAppFrame(appName: string, src: string): string {
  return `<iframe id="app-iframe" name="app-iframe" title="${escapeHtml(appName)}" src="${escapeHtml(src)}" allow="clipboard-read; clipboard-write"></iframe>`;
}

/** A message in place of the app, with an optional button that POSTs to `action` and reloads `next`. */
export function renderNotice(message: string, action?: { label: string; url: string; body: unknown; next: string }): string {
  if (!action) return `<div class="notice"><p>${escapeHtml(message)}</p></div>`;
  const script = `document.getElementById("act").addEventListener("click", async () => {
    const res = await fetch(${JSON.stringify(action.url)}, { method: "POST", headers: { "Content-Type": "application/json" }, body: ${JSON.stringify(JSON.stringify(action.body))} });
    if (res.ok) location.assign(${JSON.stringify(action.next)}); else document.getElementById("act").insertAdjacentText("afterend", " Failed: HTTP " + res.status);
  });`;
  return `<div class="notice"><p>${escapeHtml(message)}</p><button id="act" type="button">${escapeHtml(action.label)}</button></div><script>${script.replace(/</g, "\\u003c")}</script>`;
}
