/** The theme app block that shows a landing page (extensions/segops-theme/blocks/landing-page.liquid). */
const BLOCK_HANDLE = "landing-page";

/**
 * Shopify's deep link that opens the live theme's editor on `template` with SegOps' block being added in a new
 * section; the merchant then types the page's slug into the block's settings.
 */
export function themeEditorUrl(shop: string, apiKey: string, template = "index"): string {
  const query = new URLSearchParams({ template, addAppBlockId: `${apiKey}/${BLOCK_HANDLE}`, target: "newAppsSection" });
  return `https://${shop}/admin/themes/current/editor?${query}`;
}
