import type { ExtensionApi } from "@shopify/web-pixels-extension";

export const REGISTERED_PIXEL = Symbol.for("segops.tests.registeredPixel");

/** Bundled in place of `@shopify/web-pixels-extension`: hands the pixel's callback to the test instead of Shopify. */
export function register(extend: (api: ExtensionApi) => void): void {
  (globalThis as { [REGISTERED_PIXEL]?: unknown })[REGISTERED_PIXEL] = extend;
}
