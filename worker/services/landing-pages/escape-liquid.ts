const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "{": "&#123;", "}": "&#125;" };

/**
 * Text for a Liquid template's HTML: markup characters become entities, and so do braces, so `{{ shop.name }}` or
 * `{% render %}` typed by a merchant or shopper shows as typed instead of running as Liquid when Shopify renders it.
 */
export function escapeLiquid(text: string): string {
  return text.replace(/[&<>"'{}]/g, (char) => ENTITIES[char] ?? char);
}
