import { err, ok, type Result } from "../../lib/result.ts";
import type { TenantContext } from "../../context/deps.ts";
import { findProduct } from "./find-product.ts";
import { productNotFound, type ProductScoreError, type ProductScoreView } from "./get-product-score.ts";
import { scoreProducts } from "./score-products.ts";

/** Scores one product now (SegOps id, Shopify id or GID) and stores the score; a drop requests the Flow trigger. */
export async function rescoreProduct(args: { ctx: TenantContext; input: { ref: string } }): Promise<Result<ProductScoreView, ProductScoreError>> {
  const { ctx, input } = args;
  const product = await findProduct({ ctx, input });
  if (!product) return err(productNotFound(input.ref));
  const [scored] = (await scoreProducts({ ctx, input: { productIds: [product.id] } })).scored;
  if (!scored) return err({ reason: "changed", message: `Product ${input.ref} changed while it was scored; score it again.` });
  return ok({
    productId: scored.id,
    shopifyProductId: scored.shopifyProductId,
    title: scored.title,
    score: scored.score,
    recommendations: scored.recommendations,
    scoredAt: scored.scoredAt.toISOString(),
  });
}
