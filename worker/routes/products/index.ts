import type { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { registerGetProductScore } from "./get-product-score.ts";
import { registerRescoreProduct } from "./rescore-product.ts";

/** The product score endpoints, mounted on /v1 (server key) and /admin/api (session token); scoped to the caller's tenant. */
export function registerProductRoutes(app: Hono<AppEnv>): void {
  registerGetProductScore(app);
  registerRescoreProduct(app);
}
