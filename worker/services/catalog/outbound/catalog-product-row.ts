import { variantTotals } from "../variant-totals.ts";
import { handleFromTitle, type CatalogProductInput } from "./catalog-product-input.ts";

/** What SegOps stores of a product it sends to Shopify: the columns, and `data` in the shape a webhook leaves it. */
export type CatalogProductRow = {
  handle: string;
  title: string;
  vendor: string | null;
  productType: string | null;
  status: string;
  tags: string[];
  priceMin: number | null;
  priceMax: number | null;
  data: Record<string, unknown>;
  /** Whether `data.images` came with this input (sent to Shopify) or is kept from before (left as Shopify has it). */
  imagesGiven: boolean;
};

const orNull = (value: string | null | undefined) => (value === undefined || value === null || value === "" ? null : value);

/** The stored form of an input; images are left out when the input has none, so the row keeps the ones it had. */
export function catalogProductRow(input: CatalogProductInput): CatalogProductRow {
  const variants = input.variants.map((variant) => ({
    title: variant.options.length > 0 ? variant.options.join(" / ") : "Default Title",
    sku: orNull(variant.sku),
    barcode: orNull(variant.barcode),
    price: variant.price,
    compare_at_price: variant.compareAtPrice ?? null,
    option1: variant.options[0] ?? (input.options.length === 0 ? "Default Title" : null),
    option2: variant.options[1] ?? null,
    option3: variant.options[2] ?? null,
  }));
  const { priceMin, priceMax } = variantTotals(variants);
  const data: Record<string, unknown> = {
    descriptionHtml: input.descriptionHtml ?? null,
    options: input.options.length > 0 ? input.options : [{ name: "Title", values: ["Default Title"] }],
    variants,
    ...(input.images ? { images: input.images.map((image) => ({ src: image.src, alt: orNull(image.alt) })) } : {}),
    seo: { title: orNull(input.seo?.title), description: orNull(input.seo?.description) },
  };
  return {
    handle: input.handle ?? handleFromTitle(input.title),
    title: input.title,
    vendor: orNull(input.vendor),
    productType: orNull(input.productType),
    status: input.status,
    tags: input.tags ?? [],
    priceMin,
    priceMax,
    data,
    imagesGiven: input.images !== undefined,
  };
}
