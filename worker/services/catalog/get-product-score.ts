import type { AiRecommendation } from "../../db/schema/index.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import type { TenantContext } from "../../context/deps.ts";
import { findProduct } from "./find-product.ts";

/** A product's AI readability score as stored; `score` and `scoredAt` are null until it is first scored. */
export type ProductScoreView = {
  productId: string;
  shopifyProductId: string | null;
  title: string;
  score: number | null;
  recommendations: AiRecommendation[];
  scoredAt: string | null;
};

export type ProductScoreError = { reason: "not_found" | "changed"; message: string };

export const productNotFound = (ref: string): ProductScoreError => ({ reason: "not_found", message: `SegOps has no product ${ref} in this workspace.` });

/** The stored score of a product named by SegOps id, Shopify id or GID. */
export async function getProductScore(args: { ctx: TenantContext; input: { ref: string } }): Promise<Result<ProductScoreView, ProductScoreError>> {
  const { ctx, input } = args;
  const product = await findProduct({ ctx, input });
  if (!product) return err(productNotFound(input.ref));
  return ok({
    productId: product.id,
    shopifyProductId: product.shopifyProductId,
    title: product.title,
    score: product.aiScore,
    recommendations: product.aiRecommendations ?? [],
    scoredAt: product.aiScoredAt?.toISOString() ?? null,
  });
}
