import { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { AppError } from "../../errors.ts";
import { tenantContext } from "../../http/tenant-context.ts";
import { importProductsCsv, type ImportSummary } from "../../services/catalog/outbound/import-products-csv.ts";

export type ImportProductsResponse = ImportSummary;

/** Largest CSV accepted: read as it streams in, never held whole (docs/ai-readability.md#catalog-out). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** `POST /v1/products/import`: a Shopify product CSV (`text/csv`); each product written whole or reported by line. */
export const importProductsRoute = new Hono<AppEnv>()
  .post("/products/import", async (c) => {
    const type = c.req.header("Content-Type")?.split(";")[0]?.trim().toLowerCase();
    if (type !== "text/csv") throw new AppError("unsupported_media_type", "Send the CSV as Content-Type: text/csv.");
    const body = c.req.raw.body;
    if (!body) throw new AppError("validation_failed", "The body is empty: send a product CSV with its header row.");
    const imported = await importProductsCsv({ ctx: await tenantContext(c), input: { body, now: Date.now() } });
    if (!imported.ok) throw new AppError(imported.error.kind === "outbound_off" ? "forbidden" : "validation_failed", imported.error.message);
    return c.json(imported.value satisfies ImportProductsResponse);
  });
