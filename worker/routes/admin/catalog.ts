import { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { listProducts, ListProductsInput, type ProductsPage } from "../../services/catalog/list-products.ts";
import { summarizeCatalog, type CatalogSummary } from "../../services/catalog/summarize-catalog.ts";
import { tenantContext } from "../../http/tenant-context.ts";
import { validateQuery } from "../../http/validate-input.ts";

export type ListProductsResponse = ProductsPage;
export type CatalogSummaryResponse = CatalogSummary;

/** The Product sync page's catalog: `GET /products` (a page of scores, filtered and sorted) and `GET /products/summary`. */
export const catalogRoutes = new Hono<AppEnv>()
  .get("/products/summary", async (c) => c.json((await summarizeCatalog({ ctx: await tenantContext(c) })) satisfies CatalogSummaryResponse))
  .get("/products", validateQuery(ListProductsInput), async (c) => {
    const page = await listProducts({ ctx: await tenantContext(c), input: c.req.valid("query") });
    return c.json(page satisfies ListProductsResponse);
  });
