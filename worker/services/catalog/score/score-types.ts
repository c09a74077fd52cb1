import type { AiRecommendation } from "../../../db/schema/index.ts";

/** What the scorer reads, whichever source (webhook, bulk export) wrote the row; absent fields are null or empty. */
export type ScoreInput = {
  title: string;
  description: DescriptionShape;
  options: { name: string; values: string[] }[];
  variants: { sku: string | null; barcode: string | null }[];
  images: { alt: string | null }[];
  seo: { title: string | null; description: string | null };
  productType: string | null;
  vendor: string | null;
  tags: string[];
};

export type DescriptionShape = { text: string; words: number; paragraphs: number; hasList: boolean; hasHeadings: boolean };

export type RecommendationCode =
  | "title_missing"
  | "title_too_short"
  | "title_too_long"
  | "title_all_caps"
  | "title_keyword_stuffing"
  | "description_missing"
  | "description_thin"
  | "description_short"
  | "description_paragraphs"
  | "description_list"
  | "description_headings"
  | "options_missing"
  | "options_unnamed"
  | "option_values_missing"
  | "images_missing"
  | "image_alt_missing"
  | "seo_title_missing"
  | "seo_title_too_short"
  | "seo_title_too_long"
  | "seo_description_missing"
  | "seo_description_too_short"
  | "seo_description_too_long"
  | "barcode_missing"
  | "sku_missing"
  | "product_type_missing"
  | "vendor_missing"
  | "tags_missing";

export type Recommendation = AiRecommendation & { code: RecommendationCode };

/**
 * A criterion's miss. `alsoFixedBy`: another recommendation whose fix fixes this one too (an SEO field Shopify fills
 * from a missing title or description); when that one is present it carries these points and the note.
 */
export type Shortfall = Recommendation & { alsoFixedBy?: { codes: RecommendationCode[]; note: string } };

/** A group of checks; the shortfalls it returns never add up to more than its weight. */
export type Criterion = { name: string; weight: number; check: (input: ScoreInput) => Shortfall[] };

export type AiScore = { score: number; recommendations: Recommendation[] };
