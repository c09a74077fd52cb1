import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context/app-env.ts";
import { AppError } from "../../errors.ts";
import { validateJson } from "../../http/validate-input.ts";
import { tenantContext } from "../../http/tenant-context.ts";
import { CatalogProductInput } from "../../services/catalog/outbound/catalog-product-input.ts";
import { createCatalogProduct, type CreatedCatalogProduct } from "../../services/catalog/outbound/create-catalog-product.ts";

export type CreateProductResponse = CreatedCatalogProduct;

const IdempotencyKey = z.string().regex(/^[\x21-\x7e]{1,255}$/, "1 to 255 visible ASCII characters");

/**
 * `POST /v1/products`: creates or updates (by handle) a product in SegOps and, queued, in Shopify (`productSet`);
 * 202 with the product and its outbound state. `Idempotency-Key` makes a retry safe (docs/ai-readability.md#catalog-out).
 */
export const createProductRoute = new Hono<AppEnv>()
  .post("/products", validateJson(CatalogProductInput), async (c) => {
    const header = c.req.header("Idempotency-Key");
    const key = header === undefined ? null : IdempotencyKey.safeParse(header);
    if (key && !key.success) throw new AppError("validation_failed", "Idempotency-Key: 1 to 255 visible ASCII characters.");
    const created = await createCatalogProduct({ ctx: await tenantContext(c), input: { product: c.req.valid("json"), idempotencyKey: key ? key.data : null, now: Date.now() } });
    if (!created.ok) throw new AppError(created.error.kind === "outbound_off" ? "forbidden" : "conflict", created.error.message);
    if (created.value.replayed) c.header("Idempotent-Replayed", "true");
    return c.json(created.value.body satisfies CreateProductResponse, 202);
  });
