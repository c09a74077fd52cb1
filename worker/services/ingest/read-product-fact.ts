import { z } from "zod";
import type { Result } from "../../lib/result.ts";
import { variantTotals } from "../catalog/variant-totals.ts";
import type { ProductFact } from "./facts.ts";
import { money, optionalId, shopifyId, tagList, text, timestamp } from "../../shopify/payload/read-fields.ts";
import { readWith, type Unmappable } from "../../shopify/payload/read-result.ts";

const VariantSchema = z.object({
  id: optionalId,
  title: text,
  sku: text,
  barcode: text,
  price: money,
  compare_at_price: money,
  inventory_quantity: z.number().nullish(),
  position: z.number().nullish(),
});

const ImageSchema = z.object({ id: optionalId, src: text, alt: text, position: z.number().nullish() });

const MetafieldSchema = z.object({ namespace: z.string(), key: z.string(), value: z.unknown() });

/**
 * Shopify keeps the SEO title and meta description as `global.title_tag` / `global.description_tag`; install
 * subscribes `products/*` with those two metafields, so the payload carries them (absent when unset). A payload
 * without `metafields` (an older subscription) says nothing about SEO, and the stored SEO is kept.
 */
function readSeo(metafields: z.output<typeof MetafieldSchema>[] | null | undefined): { seo?: { title: string | null; description: string | null } } {
  if (!metafields) return {};
  const value = (key: string) => {
    const found = metafields.find((m) => m.namespace === "global" && m.key === key)?.value;
    return typeof found === "string" && found.trim() !== "" ? found : null;
  };
  return { seo: { title: value("title_tag"), description: value("description_tag") } };
}

const ProductPayloadSchema = z.object({
  id: shopifyId,
  title: z.string(),
  handle: text,
  body_html: text,
  vendor: text,
  product_type: text,
  status: text,
  tags: tagList,
  options: z.array(z.object({ name: text, values: z.array(z.string()).nullish() })).nullish(),
  variants: z.array(VariantSchema).nullish(),
  images: z.array(ImageSchema).nullish(),
  updated_at: timestamp,
  metafields: z.array(MetafieldSchema).nullish(),
});

/** `products/create|update`: the catalog row with variants, images and options kept under `data`. */
export function readProductFact(payload: unknown): Result<ProductFact, Unmappable> {
  const read = readWith(ProductPayloadSchema, payload, "product");
  if (!read.ok) return read;
  const product = read.value;
  const variants = product.variants ?? [];
  return {
    ok: true,
    value: {
      productId: product.id,
      handle: product.handle,
      title: product.title,
      vendor: product.vendor,
      productType: product.product_type,
      status: product.status?.toLowerCase() ?? null,
      tags: product.tags ?? [],
      ...variantTotals(variants),
      data: { descriptionHtml: product.body_html, options: product.options ?? [], variants, images: product.images ?? [], ...readSeo(product.metafields) },
      updatedAt: product.updated_at,
    },
  };
}

/** `products/delete` and `orders/delete` carry only `{ id }`. */
export function readDeletedId(payload: unknown, what: string): Result<string, Unmappable> {
  return readWith(z.object({ id: shopifyId }).transform((body) => body.id), payload, what);
}
