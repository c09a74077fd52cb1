import { z } from "zod";
import type { Result } from "../../lib/result.ts";
import { variantTotals } from "../catalog/variant-totals.ts";
import type { ProductFact } from "../ingest/index.ts";
import { readWith, type Unmappable } from "../../shopify/payload/read-result.ts";
import { money, optionalId, shopifyId, tagList, text, timestamp } from "../../shopify/payload/read-fields.ts";

const BulkProductSchema = z.object({
  id: shopifyId,
  title: z.string(),
  handle: text,
  descriptionHtml: text,
  vendor: text,
  productType: text,
  status: text,
  tags: tagList,
  updatedAt: timestamp,
  options: z.array(z.object({ name: text, values: z.array(z.string()).nullish() })).nullish(),
  seo: z.object({ title: text, description: text }).nullish(),
});

const VariantSchema = z.object({
  id: optionalId,
  title: text,
  sku: text,
  barcode: text,
  price: money,
  compareAtPrice: money,
  inventoryQuantity: z.number().nullish(),
  position: z.number().nullish(),
});

const ImageSchema = z.object({ id: optionalId, url: text, altText: text });

function readAll<S extends z.ZodType>(schema: S, values: readonly unknown[]): z.output<S>[] {
  return values.flatMap((value) => {
    const read = schema.safeParse(value);
    return read.success ? [read.data] : [];
  });
}

/**
 * A `Product` with its `ProductVariant` and `ProductImage` children, read into the fact a `products/*` webhook gives:
 * `data` keeps the webhook's (REST) key names so the catalog row looks the same whichever source wrote it last.
 */
export function readBulkProduct(value: unknown, variantValues: readonly unknown[], imageValues: readonly unknown[]): Result<ProductFact, Unmappable> {
  const read = readWith(BulkProductSchema, value, "product");
  if (!read.ok) return read;
  const product = read.value;
  const variants = readAll(VariantSchema, variantValues).map((v) => ({
    id: v.id,
    title: v.title,
    sku: v.sku,
    barcode: v.barcode,
    price: v.price,
    compare_at_price: v.compareAtPrice,
    inventory_quantity: v.inventoryQuantity ?? null,
    position: v.position ?? null,
  }));
  const images = readAll(ImageSchema, imageValues).map((image, i) => ({ id: image.id, src: image.url, alt: image.altText, position: i + 1 }));
  return {
    ok: true,
    value: {
      productId: product.id,
      handle: product.handle,
      title: product.title,
      vendor: product.vendor,
      productType: product.productType,
      status: product.status?.toLowerCase() ?? null,
      tags: product.tags ?? [],
      ...variantTotals(variants),
      data: { descriptionHtml: product.descriptionHtml, options: product.options ?? [], variants, images, seo: { title: product.seo?.title ?? null, description: product.seo?.description ?? null } },
      updatedAt: product.updatedAt,
    },
  };
}
