export type PixelConsentView = { purposes: "analytics"[]; explanation: string };

/** Mirrors `[customer_privacy]` in extensions/web-pixel/shopify.extension.toml (a contract test keeps them equal). */
export const PIXEL_CONSENT: PixelConsentView = {
  purposes: ["analytics"],
  explanation:
    "The pixel declares the analytics purpose only. Nothing is sent, not even its handshake, until the visitor allows analytics; " +
    "when they withdraw it the pixel stops at once and drops what it had queued. Marketing, preferences and sale of data are never requested.",
};
