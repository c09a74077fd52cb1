import { describe, expect, it } from "vitest";
import type { ScorableProduct } from "../../../../worker/services/catalog/score/read-score-input.ts";
import { CRITERIA, scoreProduct } from "../../../../worker/services/catalog/score/score-product.ts";
import { readProductFact } from "../../../../worker/services/ingest/index.ts";
import { completeProduct, prose } from "../../../helpers/product-payloads.ts";

/** The row the writer would store for this webhook payload, with `data` patched (e.g. an `seo` a source might add). */
function stored(overrides: Record<string, unknown> = {}, data: Record<string, unknown> = {}): ScorableProduct {
  const fact = readProductFact(completeProduct(overrides));
  if (!fact.ok) throw new Error(JSON.stringify(fact.error));
  const { title, vendor, productType, tags } = fact.value;
  return { title, vendor, productType, tags, data: { ...fact.value.data, ...data } };
}

const EMPTY: ScorableProduct = { title: "", vendor: null, productType: null, tags: [], data: {} };
const total = (score: ReturnType<typeof scoreProduct>) => score.score + score.recommendations.reduce((sum, r) => sum + r.points, 0);
const SEO = { seo: { title: "Merino wool crew socks | Northwind", description: "Warm, soft merino wool crew socks for hiking and everyday winter wear." } };

describe("AI readability scorer", () => {
  it("has weights that add up to 100", () => {
    expect(CRITERIA.map((criterion) => [criterion.name, criterion.weight])).toEqual([
      ["title", 20],
      ["description", 25],
      ["options", 15],
      ["images", 15],
      ["seo", 10],
      ["identifiers", 8],
      ["classification", 7],
    ]);
    expect(CRITERIA.reduce((sum, criterion) => sum + criterion.weight, 0)).toBe(100);
  });

  it("scores a complete product 100 with no recommendations, with or without SEO fields set", () => {
    expect(scoreProduct(stored())).toEqual({ score: 100, recommendations: [] });
    expect(scoreProduct(stored({}, SEO))).toEqual({ score: 100, recommendations: [] });
  });

  it("scores an empty product 0 and recommends everything, most points first", () => {
    const { score, recommendations } = scoreProduct(EMPTY);
    expect(score).toBe(0);
    expect(recommendations.map((r) => [r.code, r.points])).toEqual([
      ["description_missing", 30],
      ["title_missing", 25],
      ["options_missing", 15],
      ["images_missing", 15],
      ["barcode_missing", 5],
      ["sku_missing", 3],
      ["product_type_missing", 3],
      ["vendor_missing", 2],
      ["tags_missing", 2],
    ]);
    for (const recommendation of recommendations) expect(recommendation.message.length).toBeGreaterThan(20);
  });

  it("does not fail on fields of the wrong type, and reads them as absent", () => {
    const odd = { title: "Merino wool crew socks", vendor: null, productType: null, tags: [], data: { descriptionHtml: 42, options: {}, variants: "none", images: [null, 3, { alt: 7 }], seo: [] } };
    const { score, recommendations } = scoreProduct(odd as unknown as ScorableProduct);
    expect(score + recommendations.reduce((sum, r) => sum + r.points, 0)).toBe(100);
    expect(recommendations.map((r) => r.code)).toEqual(expect.arrayContaining(["description_thin", "options_missing", "barcode_missing"]));
    expect(recommendations.find((r) => r.code === "image_alt_missing")).toBeUndefined();
  });

  const longTitle = `${prose(30)} merino`.slice(0, 160);
  const variants = completeProduct().variants as Record<string, unknown>[];
  const images = completeProduct().images as Record<string, unknown>[];

  // Each case changes one thing in the complete product; `points` is what docs/ai-readability.md says it costs.
  it.each([
    ["no title (and so no SEO title either)", { title: "" }, {}, "title_missing", 25],
    ["no title, an SEO title set", { title: "" }, SEO, "title_missing", 20],
    ["a title under 10 characters", { title: "Socks" }, {}, "title_too_short", 8],
    ["a title over 150 characters, an SEO title set", { title: longTitle }, SEO, "title_too_long", 8],
    ["a title in capitals", { title: "MERINO WOOL CREW SOCKS" }, {}, "title_all_caps", 6],
    ["a title repeating a keyword", { title: "Socks, wool socks, warm socks" }, {}, "title_keyword_stuffing", 6],
    ["a title listing keywords", { title: "Merino | Wool | Crew | Hiking | Socks" }, {}, "title_keyword_stuffing", 6],
    ["a title over 70 characters and no SEO title", { title: "Merino wool crew socks for hiking, running and everyday winter wear, set" }, {}, "seo_title_too_long", 5],
    ["no description (and so no meta description either)", { body_html: "" }, {}, "description_missing", 30],
    ["no description, a meta description set", { body_html: "" }, SEO, "description_missing", 25],
    ["a description of 30 words", { body_html: `<p>${prose(15)}</p><p>${prose(15)}</p><h2>Care</h2><ul><li>Wash cold</li></ul>` }, {}, "description_thin", 12],
    ["a description of 100 words", { body_html: `<p>${prose(45)}</p><p>${prose(45)}</p><h2>Care</h2><ul><li>Wash cold</li></ul>` }, {}, "description_short", 6],
    ["a description in one block", { body_html: `<div>${prose(160)}</div><h2>Care</h2><ul><li>Wash cold</li></ul>` }, {}, "description_paragraphs", 4],
    ["a description without a list", { body_html: `<p>${prose(80)}</p><p>${prose(80)}</p><h2>Care</h2>` }, {}, "description_list", 3],
    ["a description without headings", { body_html: `<p>${prose(80)}</p><p>${prose(80)}</p><ul><li>Wash cold</li></ul>` }, {}, "description_headings", 3],
    ["no options", { options: [] }, {}, "options_missing", 15],
    ["only Shopify's default option", { options: [{ name: "Title", values: ["Default Title"] }] }, {}, "options_missing", 15],
    ["an option still called Option", { options: [{ name: "Size", values: ["S", "M"] }, { name: "Option", values: ["Grey"] }] }, {}, "options_unnamed", 5],
    ["a named option without values", { options: [{ name: "Size", values: [] }] }, {}, "option_values_missing", 5],
    ["no images", { images: [] }, {}, "images_missing", 15],
    ["1 of 2 images without alt text", { images: [images[0], { ...images[1], alt: "" }] }, {}, "image_alt_missing", 5],
    ["1 of 3 images without alt text", { images: [...images, { id: 2003, src: "https://cdn.shopify.com/x.jpg", alt: null }] }, {}, "image_alt_missing", 4],
    ["an SEO title under 10 characters", {}, { seo: { ...SEO.seo, title: "Socks" } }, "seo_title_too_short", 5],
    ["an SEO title over 70 characters", {}, { seo: { ...SEO.seo, title: "x".repeat(71) } }, "seo_title_too_long", 5],
    ["a meta description under 50 characters", {}, { seo: { ...SEO.seo, description: "Warm socks." } }, "seo_description_too_short", 5],
    ["a meta description over 320 characters", {}, { seo: { ...SEO.seo, description: prose(60) } }, "seo_description_too_long", 5],
    ["a variant without a barcode", { variants: [variants[0], { ...variants[1], barcode: null }] }, {}, "barcode_missing", 5],
    ["a variant without a SKU", { variants: [variants[0], { ...variants[1], sku: "" }] }, {}, "sku_missing", 3],
    ["no product type", { product_type: "" }, {}, "product_type_missing", 3],
    ["no vendor", { vendor: null }, {}, "vendor_missing", 2],
    ["no tags", { tags: "" }, {}, "tags_missing", 2],
  ])("%s costs its documented points", (_case, overrides, data, code, points) => {
    const { score, recommendations } = scoreProduct(stored(overrides, data));
    expect(recommendations.map((r) => [r.code, r.points])).toEqual([[code, points]]);
    expect(score).toBe(100 - points);
  });

  it("costs both identifier checks when there are no variants", () => {
    const { score, recommendations } = scoreProduct(stored({ variants: [] }));
    expect(recommendations.map((r) => [r.code, r.points])).toEqual([["barcode_missing", 5], ["sku_missing", 3]]);
    expect(score).toBe(92);
  });

  it("makes each recommendation worth exactly what its fix adds, when one fix also fills an SEO field", () => {
    const before = scoreProduct(stored({ title: "", body_html: "<p>Warm socks.</p>" }));
    const titled = scoreProduct(stored({ body_html: "<p>Warm socks.</p>" }));
    const described = scoreProduct(stored({ title: "", body_html: `<p>${prose(160)}</p>` }));
    const points = Object.fromEntries(before.recommendations.map((r) => [r.code, r.points]));
    expect(titled.score - before.score).toBe(points.title_missing);
    expect(described.score - before.score).toBe(points.description_thin);
    expect(points).toMatchObject({ title_missing: 25, description_thin: 17 });
    expect(before.recommendations.find((r) => r.code === "description_thin")!.message).toMatch(/meta description/);
  });

  it("keeps score + points = 100, ranks by points and answers the same for the same product", () => {
    const cases: Record<string, unknown>[] = [
      { title: "SOCKS", body_html: "<p>Warm.</p>", options: [], images: [{ id: 1, src: "a", alt: null }], tags: "" },
      { title: "socks socks socks", body_html: `<div>${prose(120)}</div>`, variants: [], vendor: "", product_type: "" },
      { title: longTitle, body_html: "", images: [...images, { id: 3, src: "c", alt: "" }], options: [{ name: "Option", values: ["Option 1"] }] },
    ];
    for (const overrides of cases) {
      const first = scoreProduct(stored(overrides));
      expect(total(first)).toBe(100);
      expect(first.score).toBeGreaterThanOrEqual(0);
      expect(first.recommendations.map((r) => r.points)).toEqual([...first.recommendations.map((r) => r.points)].sort((a, b) => b - a));
      expect(scoreProduct(structuredClone(stored(overrides)))).toEqual(first);
    }
  });
});
