import { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { getProductScoreRoute } from "./get-product-score.ts";
import { rescoreProductRoute } from "./rescore-product.ts";

/** The product score endpoints, mounted on /v1 (server key) and /admin/api (session token); scoped to the caller's tenant. */
export const productRoutes = new Hono<AppEnv>()
  .route("/", getProductScoreRoute)
  .route("/", rescoreProductRoute);
