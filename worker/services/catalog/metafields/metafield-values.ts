import type { AiRecommendation } from "../../../db/schema/index.ts";
import { bytesToBase64Url, utf8 } from "../../../lib/encoding.ts";

/** The four `$app:segops` product metafields, as defined at install (define-metafields.ts). */
export const METAFIELD_KEYS = ["ai_readability_score", "ai_recommendations", "mention_count_30d", "segment_memberships"] as const;
export type MetafieldKey = (typeof METAFIELD_KEYS)[number];

const TYPES: Record<MetafieldKey, string> = {
  ai_readability_score: "number_integer",
  ai_recommendations: "json",
  mention_count_30d: "number_integer",
  segment_memberships: "list.single_line_text_field",
};

export type ProductMetafieldSource = {
  score: number;
  recommendations: readonly AiRecommendation[];
  mentionCount30d: number;
  segmentSlugs: readonly string[];
};

export type MetafieldValue = { key: MetafieldKey; type: string; value: string };

/** What the product's metafields should hold, as the strings `metafieldsSet` takes (§6.2). */
export function metafieldValues(source: ProductMetafieldSource): MetafieldValue[] {
  const values: Record<MetafieldKey, string> = {
    ai_readability_score: String(source.score),
    ai_recommendations: JSON.stringify(source.recommendations.map(({ code, points, message }) => ({ code, points, message }))),
    mention_count_30d: String(source.mentionCount30d),
    segment_memberships: JSON.stringify([...source.segmentSlugs].sort()),
  };
  return METAFIELD_KEYS.map((key) => ({ key, type: TYPES[key], value: values[key] }));
}

/** Per metafield, a digest of the value last confirmed by Shopify (`products.metafields_digest`). */
export type MetafieldDigests = Partial<Record<MetafieldKey, string>>;

export function readDigests(stored: string | null): MetafieldDigests {
  if (!stored) return {};
  try {
    const parsed: unknown = JSON.parse(stored);
    return parsed && typeof parsed === "object" ? (parsed as MetafieldDigests) : {};
  } catch {
    return {};
  }
}

/** 96 bits of SHA-256 over type and value: enough to tell a changed value, short enough to keep per product. */
export async function digestOf(value: MetafieldValue): Promise<string> {
  const hash = await crypto.subtle.digest("SHA-256", utf8(`${value.type}\n${value.value}`));
  return bytesToBase64Url(new Uint8Array(hash).subarray(0, 12));
}
