import type { LandingBlock } from "../../db/schema/storefront.ts";
import type { Recommendation } from "../recommendations/recommend-products.ts";
import { escapeLiquid } from "./escape-liquid.ts";
import { renderProductGrid } from "./render-product-grid.ts";

export type LandingContent = { slug: string; title: string; body: string; blocks: readonly LandingBlock[]; products: readonly Recommendation[] };

const STYLE =
  "<style>.segops-page{max-width:72rem;margin:0 auto;padding:2rem 1rem}.segops-products ul{display:grid;grid-template-columns:repeat(auto-fill,minmax(12rem,1fr));gap:1rem;list-style:none;padding:0}.segops-product img{width:100%;height:auto}.segops-product span{display:block}</style>";

const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => `<p>${escapeLiquid(part).replace(/\n/g, "<br>")}</p>`)
    .join("");

function renderBlock(block: LandingBlock): string {
  switch (block.kind) {
    case "heading":
      return `<h2>${escapeLiquid(block.text)}</h2>`;
    case "text":
      return paragraphs(block.text);
    case "button":
      return `<p><a class="button" href="${escapeLiquid(block.url)}">${escapeLiquid(block.text)}</a></p>`;
  }
}

/**
 * The page as Liquid for the app proxy: whole, Shopify wraps it in the theme's layout; as a `fragment` (the theme
 * block fetches that) it opts out of the layout; as a `preview` it is plain HTML for the admin. Everything the
 * merchant or data supplied is escaped, Liquid included.
 */
export function renderLandingPage(content: LandingContent, options: { fragment: boolean; preview?: boolean }): string {
  return [
    options.fragment ? "{% layout none %}" : "",
    STYLE,
    `<section class="segops-page" data-segops-page="${escapeLiquid(content.slug)}">`,
    `<h1>${escapeLiquid(content.title)}</h1>`,
    paragraphs(content.body),
    ...content.blocks.map(renderBlock),
    renderProductGrid(content.products, null, { preview: options.preview }),
    "</section>",
  ].join("\n");
}
