import type { Recommendation } from "../recommendations/recommend-products.ts";
import { escapeLiquid } from "./escape-liquid.ts";

// Handles Liquid can look up safely inside a string literal; any other handle gets a plain link instead.
const LIQUID_SAFE_HANDLE = /^[a-z0-9][a-z0-9_-]{0,254}$/i;

/** The admin's preview card: what SegOps stores of the product, as there is no storefront to ask. */
function previewCard(product: Recommendation): string {
  const image = product.imageUrl?.startsWith("https://") ? `<img src="${escapeLiquid(product.imageUrl)}" alt="" loading="lazy">` : "";
  const price = product.price === null ? "" : `<span class="segops-price">${product.price.toFixed(2)}</span>`;
  return `${image}<span class="segops-title">${escapeLiquid(product.title)}</span>${price}`;
}

/**
 * Product cards: Liquid reads each product from the storefront (`all_products`, at most 20 a page) for the shop's
 * live price, currency and image; the wrapper carries the id and why it was recommended. `preview` renders plain
 * HTML cards for the admin instead.
 */
export function renderProductGrid(products: readonly Recommendation[], heading: string | null, options: { preview?: boolean } = {}): string {
  if (products.length === 0) return "";
  const cards = products.slice(0, 20).map((product) => {
    const open = `<li class="segops-product" data-product-id="${escapeLiquid(product.productId)}" data-reason="${product.reason}">`;
    if (options.preview) return `${open}${previewCard(product)}</li>`;
    if (product.handle && LIQUID_SAFE_HANDLE.test(product.handle)) {
      return `${open}{%- assign segops_product = all_products["${product.handle}"] -%}{%- if segops_product.id -%}<a href="{{ segops_product.url }}">{{ segops_product.featured_image | image_url: width: 360 | image_tag: loading: "lazy" }}<span class="segops-title">{{ segops_product.title | escape }}</span><span class="segops-price">{{ segops_product.price | money }}</span></a>{%- endif -%}</li>`;
    }
    const href = product.handle ? `/products/${encodeURIComponent(product.handle)}` : null;
    const title = `<span class="segops-title">${escapeLiquid(product.title)}</span>`;
    return `${open}${href ? `<a href="${escapeLiquid(href)}">${title}</a>` : title}</li>`;
  });
  const title = heading ? `<h2 class="segops-products-heading">${escapeLiquid(heading)}</h2>` : "";
  return `<div class="segops-products">${title}<ul>${cards.join("")}</ul></div>`;
}
