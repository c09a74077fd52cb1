import type { TenantContext } from "../../context/deps.ts";
import type { RecommendationRule } from "../../db/schema/storefront.ts";
import { findShopper, type Shopper } from "./find-shopper.ts";
import { loadProductCards, type ProductCard } from "./load-product-cards.ts";
import { readNewestProducts } from "./read-newest-products.ts";
import { readRecentlyViewed } from "./read-recently-viewed.ts";
import { readScores } from "./read-scores.ts";

export type RecommendationReason = "bought_together" | "recently_viewed" | "popular_in_segment" | "best_seller" | "new_in_store" | "picked";
export type Recommendation = ProductCard & { reason: RecommendationReason };

export type RecommendInput = {
  rule: RecommendationRule;
  /** Shopify product ids the shopper is looking at or just bought: "bought together" starts from them, and they are never recommended. */
  anchorProductIds?: readonly string[];
  /** The Shopify customer id of a known shopper (app proxy `logged_in_customer_id`, extension token `sub`). */
  customerId?: string | null;
  /** The shopper behind `customerId` when the caller has already looked them up. */
  shopper?: Shopper | null;
  /** Segments to draw "popular in segment" from when the shopper's own are unknown (a page's target segment). */
  segmentIds?: readonly string[];
  limit: number;
};

export type RecommendOutput = { products: Recommendation[]; shopper: Shopper | null };

// Which sources a rule draws from, in order; best sellers, then the newest products, fill what is left.
const SOURCES: Record<RecommendationRule, RecommendationReason[]> = {
  personal: ["bought_together", "recently_viewed", "popular_in_segment"],
  bought_together: ["bought_together"],
  recently_viewed: ["recently_viewed"],
  popular_in_segment: ["popular_in_segment"],
  best_sellers: [],
};

/**
 * Recommendations for one shopper from the tenant's precomputed scores (refresh-recommendations.ts) and recent
 * views: every source is one indexed read. A new shop with no orders still gets its newest products.
 */
export async function recommendProducts({ ctx, input }: { ctx: TenantContext; input: RecommendInput }): Promise<RecommendOutput> {
  const anchors = [...new Set(input.anchorProductIds ?? [])];
  const shopper = input.shopper !== undefined ? input.shopper : input.customerId ? await findShopper({ ctx, input: { customerId: input.customerId } }) : null;
  const segmentIds = shopper && shopper.segments.length > 0 ? shopper.segments.map((segment) => segment.id) : [...(input.segmentIds ?? [])];
  const picked: { id: string; reason: RecommendationReason }[] = [];
  const taken = () => [...anchors, ...picked.map((pick) => pick.id)];
  // Cards drop products that are gone or not active, so each source asks for a few more than it needs.
  const want = () => input.limit + 4 - picked.length;
  const add = (ids: string[], reason: RecommendationReason) => {
    for (const id of ids) if (!taken().includes(id)) picked.push({ id, reason });
  };
  for (const reason of [...SOURCES[input.rule], "best_seller", "new_in_store"] as const) {
    if (want() <= 4) break;
    if (reason === "bought_together") add(await readScores({ ctx, input: { kind: "pair", anchors, exclude: taken(), limit: want() } }), reason);
    if (reason === "recently_viewed" && shopper) add(await readRecentlyViewed({ ctx, input: { profileId: shopper.profileId, limit: want() } }), reason);
    if (reason === "popular_in_segment") add(await readScores({ ctx, input: { kind: "segment", anchors: segmentIds, exclude: taken(), limit: want() } }), reason);
    if (reason === "best_seller") add(await readScores({ ctx, input: { kind: "best", anchors: [""], exclude: taken(), limit: want() } }), reason);
    if (reason === "new_in_store") add(await readNewestProducts({ ctx, input: { exclude: taken(), limit: want() } }), reason);
  }
  const cards = await loadProductCards({ ctx, input: { productIds: picked.map((pick) => pick.id) } });
  const reasons = new Map(picked.map((pick) => [pick.id, pick.reason]));
  const products = cards.slice(0, input.limit).map((card) => ({ ...card, reason: reasons.get(card.productId) ?? "best_seller" }));
  return { products, shopper };
}
