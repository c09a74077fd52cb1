import { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { getProductScore, type ProductScoreView } from "../../services/catalog/get-product-score.ts";
import { tenantContext } from "../../http/tenant-context.ts";
import { productScoreError } from "./product-score-error.ts";

export type GetProductScoreResponse = ProductScoreView;

/** `GET /products/:id/score`: the stored AI readability score and recommendations; `:id` is a SegOps id, Shopify id or GID. */
export const getProductScoreRoute = new Hono<AppEnv>()
  .get("/products/:id/score", async (c) => {
    const found = await getProductScore({ ctx: await tenantContext(c), input: { ref: c.req.param("id") } });
    if (!found.ok) throw productScoreError(found.error);
    return c.json(found.value satisfies GetProductScoreResponse);
  });
