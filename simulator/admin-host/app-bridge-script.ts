/**
 * Stand-in for Shopify's App Bridge when the app runs against the simulator (the CDN is out of reach): it gives
 * the embedded admin `window.shopify` and adds a session token to same-origin fetches, as App Bridge does.
 */
export const APP_BRIDGE_SCRIPT = `(() => {
  const simulator = new URL(document.currentScript.src).origin;
  const params = new URLSearchParams(location.search);
  const shop = params.get("shop");
  const apiKey = document.querySelector('meta[name="shopify-api-key"]')?.getAttribute("content") ?? "";
  let token = params.get("id_token");
  let mintedAt = token ? Date.now() : 0;
  async function idToken() {
    if (token && Date.now() - mintedAt < 45000) return token;
    const response = await fetch(simulator + "/_sim/shops/" + shop + "/session-token", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    token = (await response.json()).token;
    mintedAt = Date.now();
    return token;
  }
  const nativeFetch = window.fetch.bind(window);
  window.fetch = async (input, init = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (url.origin !== location.origin) return nativeFetch(input, init);
    const headers = new Headers(init.headers ?? (input instanceof Request ? input.headers : undefined));
    if (!headers.has("Authorization")) headers.set("Authorization", "Bearer " + (await idToken()));
    return nativeFetch(input, { ...init, headers });
  };
  window.shopify = {
    config: { shop, apiKey, host: params.get("host") },
    environment: { embedded: true, mobile: false, pos: false },
    idToken,
    toast: { show: (message) => console.info("[shopify.toast]", message) },
    loading: () => undefined,
  };
})();
`;

/** Polaris web components reduced to readable HTML: layout elements become blocks, headings show, inputs work. */
export const POLARIS_SCRIPT = `(() => {
  const style = document.createElement("style");
  style.textContent = [
    "s-page, s-section, s-box, s-stack, s-grid, s-banner, s-card { display: block; margin: 0 0 12px; }",
    "s-section, s-banner, s-card { border: 1px solid #ddd; border-radius: 8px; padding: 12px; }",
    "s-page[heading]::before, s-section[heading]::before { content: attr(heading); display: block; font-weight: 600; margin-bottom: 8px; }",
    "s-button, s-link { display: inline-block; cursor: pointer; padding: 4px 10px; border: 1px solid #999; border-radius: 6px; margin-right: 6px; }",
    "s-badge { display: inline-block; padding: 0 6px; border-radius: 8px; background: #eee; }",
  ].join("\\n");
  document.head.append(style);
  class Field extends HTMLElement {
    connectedCallback() {
      if (this.input) return;
      const label = document.createElement("label");
      label.textContent = this.getAttribute("label") ?? "";
      this.input = document.createElement("input");
      if (this.localName === "s-checkbox") this.input.type = "checkbox";
      this.input.value = this.getAttribute("value") ?? "";
      this.input.addEventListener("input", () => this.dispatchEvent(new Event("input", { bubbles: true })));
      this.input.addEventListener("change", () => this.dispatchEvent(new Event("change", { bubbles: true })));
      label.append(this.input);
      this.append(label);
    }
    get value() { return this.input?.value ?? this.getAttribute("value") ?? ""; }
    set value(next) { if (this.input) this.input.value = next; else this.setAttribute("value", next); }
    get checked() { return Boolean(this.input?.checked); }
  }
  for (const name of ["s-text-field", "s-number-field", "s-checkbox"]) if (!customElements.get(name)) customElements.define(name, class extends Field {});
})();
`;
