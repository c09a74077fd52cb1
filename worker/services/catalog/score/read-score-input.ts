import type { productsTable } from "../../../db/schema/index.ts";
import { readDescription } from "./read-description.ts";
import type { ScoreInput } from "./score-types.ts";

/** The columns the scorer reads; `data` is whatever the last source stored, so every field in it is optional. */
export type ScorableProduct = Pick<typeof productsTable.$inferSelect, "title" | "vendor" | "productType" | "tags" | "data">;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function textOf(value: unknown): string | null {
  if (typeof value !== "string" && typeof value !== "number") return null;
  const trimmed = String(value).trim();
  return trimmed === "" ? null : trimmed;
}

const records = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value.filter(isRecord) : []);
const texts = (value: unknown): string[] => (Array.isArray(value) ? value.map(textOf).filter((text): text is string => text !== null) : []);

/** Reads the stored row into the scorer's input; a field of the wrong type reads as absent rather than failing. */
export function readScoreInput(product: ScorableProduct): ScoreInput {
  const data: Record<string, unknown> = isRecord(product.data) ? product.data : {};
  const seo = isRecord(data.seo) ? data.seo : {};
  return {
    title: textOf(product.title) ?? "",
    description: readDescription(textOf(data.descriptionHtml)),
    options: records(data.options).map((option) => ({ name: textOf(option.name) ?? "", values: texts(option.values) })),
    variants: records(data.variants).map((variant) => ({ sku: textOf(variant.sku), barcode: textOf(variant.barcode) })),
    images: records(data.images).map((image) => ({ alt: textOf(image.alt) })),
    seo: { title: textOf(seo.title), description: textOf(seo.description) },
    productType: textOf(product.productType),
    vendor: textOf(product.vendor),
    tags: texts(product.tags),
  };
}
