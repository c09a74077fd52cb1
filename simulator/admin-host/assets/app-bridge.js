// App Bridge stand-in for local runs against the simulator, where Shopify's CDN can't be reached. It offers the
// part of the `shopify` global SegOps uses, with real session tokens minted by the simulator for the framed shop.
(() => {
  const simulatorOrigin = new URL(document.currentScript.src).origin;
  const query = new URLSearchParams(location.search);
  // Real App Bridge keeps the shop for the page's lifetime; a reload after client-side navigation must too.
  const shop = query.get("shop") ?? sessionStorage.getItem("sim-app-bridge-shop") ?? "";
  if (shop) sessionStorage.setItem("sim-app-bridge-shop", shop);
  const apiKey = document.querySelector('meta[name="shopify-api-key"]')?.getAttribute("content") ?? "";
  const nativeFetch = window.fetch.bind(window);
  const nativeOpen = window.open.bind(window);

  async function idToken() {
    const url = `${simulatorOrigin}/_sim/shops/${encodeURIComponent(shop)}/session-token`;
    const res = await nativeFetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
    if (!res.ok) throw new Error(`The simulator gave no session token for ${shop || "(no shop)"}: HTTP ${res.status}`);
    return (await res.json()).token;
  }

  // Like App Bridge: requests to the app's own origin carry a fresh session token.
  window.fetch = async (input, init) => {
    const request = new Request(input, init);
    if (new URL(request.url).origin !== location.origin || request.headers.has("Authorization")) return nativeFetch(request);
    const headers = new Headers(request.headers);
    headers.set("Authorization", `Bearer ${await idToken()}`);
    return nativeFetch(new Request(request, { headers }));
  };

  // Shopify admin URLs land on the simulator's equivalent page. Like App Bridge, `_top` asks the admin page around the
  // app to navigate (a cross-origin frame may not move the top window itself once its click is a few seconds old).
  window.open = (url, target, features) => {
    const parsed = url === undefined ? null : new URL(String(url), location.href);
    const shopify = parsed && (parsed.hostname.endsWith(".myshopify.com") || parsed.hostname === "admin.shopify.com");
    const prefix = parsed?.hostname === "admin.shopify.com" ? "" : `/${parsed?.hostname}`;
    const destination = shopify ? `${simulatorOrigin}${prefix}${parsed.pathname}${parsed.search}` : url;
    if (target === "_top" && window.top !== window && new URL(String(destination), location.href).origin === simulatorOrigin) {
      window.top.postMessage({ type: "sim-app-bridge:navigate", url: String(destination) }, simulatorOrigin);
      return null;
    }
    return nativeOpen(destination, target, features);
  };

  // Shopify shows ui-nav-menu in the admin's sidebar; inside the simulator's frame it reads as a tab bar.
  const style = document.createElement("style");
  style.textContent = `
    ui-nav-menu { display: flex; flex-wrap: wrap; gap: 4px; padding: 8px 16px; background: #fff; border-bottom: 1px solid #e3e3e3; font: 13px/1.4 -apple-system, "Segoe UI", sans-serif; }
    ui-nav-menu a { padding: 4px 10px; border-radius: 8px; color: #303030; text-decoration: none; font-weight: 550; }
    ui-nav-menu a:hover { background: #f1f1f1; }
    ui-nav-menu a[aria-current="page"] { background: #e3e3e3; }
    .sim-toasts { position: fixed; bottom: 24px; left: 50%; transform: translateX(-50%); display: flex; flex-direction: column; gap: 8px; z-index: 2147483647; }
    .sim-toast { background: #303030; color: #fff; padding: 10px 16px; border-radius: 10px; font: 13px/1.4 -apple-system, "Segoe UI", sans-serif; box-shadow: 0 4px 12px rgba(0,0,0,.25); }
    .sim-toast[data-error] { background: #c70a24; }`;
  document.head.append(style);
  let toastCount = 0;

  function showToast(message, options = {}) {
    let region = document.querySelector(".sim-toasts");
    if (!region) {
      region = Object.assign(document.createElement("div"), { className: "sim-toasts" });
      region.setAttribute("role", "status");
      document.body.append(region);
    }
    const id = `sim-toast-${++toastCount}`;
    const toast = Object.assign(document.createElement("div"), { className: "sim-toast", id, textContent: message });
    if (options.isError) toast.dataset.error = "";
    region.append(toast);
    setTimeout(() => toast.remove(), options.duration ?? 5000);
    return id;
  }

  window.shopify = {
    config: { apiKey, shop, host: query.get("host"), locale: query.get("locale") ?? "en" },
    environment: { embedded: window.top !== window, mobile: false, pos: false },
    origin: simulatorOrigin,
    ready: Promise.resolve(),
    idToken,
    toast: { show: showToast, hide: (id) => document.getElementById(id)?.remove() },
  };
})();
