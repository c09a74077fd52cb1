import { rescoreProduct } from "../../catalog/rescore-product.ts";
import { idFromGid } from "../../../shopify/gid.ts";
import { refuse, textProperty, type FlowActionRun } from "./flow-action.ts";

/** "Score product AI readability": scores the workflow's product now and answers its score and recommendations. */
export const scoreProductAction: FlowActionRun = async ({ ctx, input: { properties } }) => {
  const raw = textProperty(properties, "product_id");
  const productId = raw === null ? null : idFromGid(raw);
  if (!productId || !/^\d+$/.test(productId)) return refuse("The step has no product: use it in a workflow about a product.");
  const outcome = await rescoreProduct({ ctx, input: { ref: productId } });
  if (!outcome.ok) {
    switch (outcome.error.reason) {
      case "not_found":
        return refuse(`SegOps has no product ${productId} for this store: products reach it through product webhooks and the backfill, and deleted ones are not scored.`, 404);
      case "changed":
        return { status: "retry", message: outcome.error.message };
    }
  }
  const { score, recommendations } = outcome.value;
  return { status: 200, body: { productId, score, recommendations } };
};
