import type { TenantContext } from "../../context/deps.ts";
import type { LandingProducts } from "../../db/schema/storefront.ts";
import { loadProductCards } from "../recommendations/load-product-cards.ts";
import type { Shopper } from "../recommendations/find-shopper.ts";
import { recommendProducts, type Recommendation } from "../recommendations/recommend-products.ts";

export type ChoosePageProductsInput = {
  products: LandingProducts;
  /** The page's target segment: a `popular_in_segment` page shows its products to anyone. */
  segmentId: string | null;
  shopper: Shopper | null;
  /** Segments to draw from for a shopper whose own are unknown (the admin's preview as a segment member). */
  segmentIds?: readonly string[];
};

/** A page's products: the merchant's picks in their order, or its rule for this shopper (best sellers for a guest). */
export async function choosePageProducts({ ctx, input }: { ctx: TenantContext; input: ChoosePageProductsInput }): Promise<Recommendation[]> {
  const { products } = input;
  if (products.mode === "none") return [];
  if (products.mode === "picks") {
    return (await loadProductCards({ ctx, input: { productIds: products.productIds } })).map((card) => ({ ...card, reason: "picked" as const }));
  }
  const segmentIds = products.rule === "popular_in_segment" && input.segmentId ? [input.segmentId] : (input.segmentIds ?? []);
  const recommended = await recommendProducts({ ctx, input: { rule: products.rule, shopper: input.shopper, segmentIds, limit: products.limit } });
  return recommended.products;
}
