import type { TenantContext } from "../../context/deps.ts";
import type { RecommendationRule } from "../../db/schema/storefront.ts";
import { recommendProducts } from "../recommendations/recommend-products.ts";
import { renderProductGrid } from "./render-product-grid.ts";

export type RecommendationStripInput = {
  rule: RecommendationRule;
  /** The product page's product, if the block sits on one. */
  productId: string | null;
  customerId: string | null;
  heading: string | null;
  limit: number;
};

/** The theme block's recommendations strip as a Liquid fragment (no theme layout); empty when there is nothing to show. */
export async function serveRecommendationStrip({ ctx, input }: { ctx: TenantContext; input: RecommendationStripInput }): Promise<string> {
  const { products } = await recommendProducts({
    ctx,
    input: { rule: input.rule, anchorProductIds: input.productId ? [input.productId] : [], customerId: input.customerId, limit: input.limit },
  });
  return `{% layout none %}\n${renderProductGrid(products, input.heading)}`;
}
