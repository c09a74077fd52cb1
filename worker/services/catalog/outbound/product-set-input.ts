import { toGid } from "../../../shopify/gid.ts";
import type { ProductFields } from "../product-fields.ts";

type StoredProduct = ProductFields & { shopifyProductId: string | null };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const records = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value.filter(isRecord) : []);
const textOr = (value: unknown, fallback: string | null = null): string | null => (typeof value === "string" && value !== "" ? value : fallback);
const money = (value: unknown): string | null => (typeof value === "number" ? String(value) : textOr(value));

/**
 * The `productSet` arguments for a stored product: by its Shopify id once linked, else by handle, which makes a
 * retried create update the product the first attempt made. Lists given replace Shopify's; files are sent only
 * for images SegOps was given (a Shopify image has an id and is left as Shopify has it).
 */
export function productSetInput(product: StoredProduct): { identifier: Record<string, string>; input: Record<string, unknown> } {
  const options = records(product.data.options).map((option) => ({
    name: textOr(option.name, "Title")!,
    values: (Array.isArray(option.values) ? option.values : []).map((value) => ({ name: String(value) })),
  }));
  const variants = records(product.data.variants).map((variant) => ({
    optionValues: options.map((option, i) => ({ optionName: option.name, name: textOr(variant[`option${i + 1}`], "Default Title")! })),
    price: money(variant.price) ?? "0",
    compareAtPrice: money(variant.compare_at_price),
    sku: textOr(variant.sku),
    barcode: textOr(variant.barcode),
  }));
  const images = records(product.data.images);
  const seo = isRecord(product.data.seo) ? product.data.seo : {};
  const input: Record<string, unknown> = {
    title: product.title,
    ...(product.handle ? { handle: product.handle } : {}),
    descriptionHtml: textOr(product.data.descriptionHtml, ""),
    vendor: product.vendor ?? "",
    productType: product.productType ?? "",
    tags: product.tags,
    status: (product.status ?? "active").toUpperCase(),
    seo: { title: textOr(seo.title), description: textOr(seo.description) },
    productOptions: options,
    variants,
    ...(images.length > 0 && images.every((image) => image.id === undefined || image.id === null)
      ? { files: images.map((image) => ({ originalSource: textOr(image.src, ""), alt: textOr(image.alt, "") })) }
      : {}),
  };
  const identifier: Record<string, string> = product.shopifyProductId ? { id: toGid("Product", product.shopifyProductId) } : { handle: product.handle ?? "" };
  return { identifier, input };
}
