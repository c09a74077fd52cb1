import { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { rescoreProduct } from "../../services/catalog/rescore-product.ts";
import type { ProductScoreView } from "../../services/catalog/get-product-score.ts";
import { tenantContext } from "../../http/tenant-context.ts";
import { productScoreError } from "./product-score-error.ts";

export type RescoreProductResponse = ProductScoreView;

/** `POST /products/:id/score`: scores the product now, stores it and answers the new score (a drop fires the Flow trigger). */
export const rescoreProductRoute = new Hono<AppEnv>()
  .post("/products/:id/score", async (c) => {
    const scored = await rescoreProduct({ ctx: await tenantContext(c), input: { ref: c.req.param("id") } });
    if (!scored.ok) throw productScoreError(scored.error);
    return c.json(scored.value satisfies RescoreProductResponse);
  });
