const VOCABULARY = "soft merino wool keeps feet warm in winter and cool in summer while the cushioned sole absorbs every step".split(" ");

/** `n` words of plain prose (no repeated title keywords matter here: only the title is checked for stuffing). */
export const prose = (n: number) => Array.from({ length: n }, (_, i) => VOCABULARY[i % VOCABULARY.length]).join(" ");

export const COMPLETE_DESCRIPTION = `<p>${prose(80)}</p><p>${prose(80)}</p><h2>Details</h2><ul><li>Merino wool blend</li><li>Machine washable</li></ul>`;

/** A `products/update` payload (REST keys) that scores 100: every criterion in docs/ai-readability.md is met. */
export function completeProduct(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 8123456789,
    title: "Merino wool crew socks",
    handle: "merino-wool-crew-socks",
    body_html: COMPLETE_DESCRIPTION,
    vendor: "Northwind",
    product_type: "Socks",
    status: "active",
    tags: "hiking, winter",
    options: [{ name: "Size", values: ["S", "M"] }],
    variants: [
      { id: 1001, title: "S", sku: "SOCK-S", barcode: "0123456789012", price: "12.00", inventory_quantity: 4, position: 1 },
      { id: 1002, title: "M", sku: "SOCK-M", barcode: "0123456789029", price: "12.00", inventory_quantity: 6, position: 2 },
    ],
    images: [
      { id: 2001, src: "https://cdn.shopify.com/s/files/socks-side.jpg", alt: "Grey merino crew socks, side view", position: 1 },
      { id: 2002, src: "https://cdn.shopify.com/s/files/socks-worn.jpg", alt: "The socks worn with hiking boots", position: 2 },
    ],
    updated_at: "2026-11-01T10:00:00Z",
    ...overrides,
  };
}
