import { parseId } from "../lib/ids.ts";
import { toCents } from "../lib/money.ts";
import type { ProductRecord, ProductStatus, ShopState } from "../types.ts";
import { storeNow } from "./create-shop.ts";
import { StoreInputError } from "./input-error.ts";
import { takeId } from "./next-id.ts";

export interface ProductInput {
  title?: string;
  handle?: string;
  bodyHtml?: string;
  vendor?: string | null;
  productType?: string | null;
  tags?: string[];
  status?: ProductStatus;
  seo?: { title?: string | null; description?: string | null };
  /** Named options; each variant then gives its value for each option in `options`, in the same order. */
  options?: { name: string; values: string[] }[];
  variants?: { title?: string; options?: string[]; price?: string | number; compareAtPrice?: string | number | null; sku?: string | null; barcode?: string | null; inventory?: number }[];
  images?: { src: string; alt?: string | null }[];
}

export function findProduct(shop: ShopState, rawId: string): number {
  const index = shop.index.products.get(parseId(rawId).id);
  if (index === undefined || shop.products[index]!.deletedAt !== null) throw new StoreInputError("product_not_found", `No product ${rawId} in ${shop.domain}`, 404);
  return index;
}

function setVariants(shop: ShopState, product: ProductRecord, index: number, variants: NonNullable<ProductInput["variants"]>, now: number, options?: ProductInput["options"]): void {
  const list: NonNullable<ProductInput["variants"]> = variants.length > 0 ? variants : [{}];
  product.variants = list.map((input, i) => {
    const title = input.title ?? (input.options?.length ? input.options.join(" / ") : list.length === 1 ? "Default Title" : `Option ${i + 1}`);
    const id = takeId(shop.nextId, "variant", 7);
    shop.variants.push({
      id,
      product: index,
      title,
      options: input.options?.length ? input.options : [title],
      sku: input.sku ?? null,
      barcode: input.barcode ?? null,
      priceCents: input.price === undefined ? 1000 : toCents(input.price),
      compareAtCents: input.compareAtPrice === undefined || input.compareAtPrice === null ? null : toCents(input.compareAtPrice),
      inventory: input.inventory ?? 0,
      grams: 0,
      createdAt: now,
      updatedAt: now,
    });
    shop.index.variants.set(id, shop.variants.length - 1);
    return shop.variants.length - 1;
  });
  product.options = options?.length
    ? options.map((option) => ({ name: option.name, values: [...option.values] }))
    : [{ name: list.length === 1 ? "Title" : "Option", values: list.map((_, i) => shop.variants[product.variants[i]!]!.title) }];
}

function setImages(shop: ShopState, product: ProductRecord, images: NonNullable<ProductInput["images"]>): void {
  product.images = images.map((image) => ({ id: takeId(shop.nextId, "image", 7), mediaId: takeId(shop.nextId, "image", 7), src: image.src, alt: image.alt ?? null, width: 1200, height: 1200 }));
}

export function addProduct(shop: ShopState, input: ProductInput): number {
  const now = storeNow(shop);
  const title = input.title ?? "Untitled product";
  const id = takeId(shop.nextId, "product", 7);
  const product: ProductRecord = {
    id,
    title,
    handle: input.handle ?? `${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${id.slice(-4)}`,
    bodyHtml: input.bodyHtml ?? "",
    vendor: input.vendor ?? null,
    productType: input.productType ?? null,
    tags: input.tags ?? [],
    status: input.status ?? "ACTIVE",
    seoTitle: input.seo?.title ?? null,
    seoDescription: input.seo?.description ?? null,
    options: [],
    variants: [],
    images: [],
    createdAt: now,
    updatedAt: now,
    publishedAt: now,
    deletedAt: null,
  };
  shop.products.push(product);
  const index = shop.products.length - 1;
  shop.index.products.set(id, index);
  setVariants(shop, product, index, input.variants ?? [], now, input.options);
  setImages(shop, product, input.images ?? []);
  return index;
}

export function updateProduct(shop: ShopState, index: number, input: ProductInput): void {
  const product = shop.products[index]!;
  const now = storeNow(shop);
  if (input.title !== undefined) product.title = input.title;
  if (input.handle !== undefined) product.handle = input.handle;
  if (input.bodyHtml !== undefined) product.bodyHtml = input.bodyHtml;
  if (input.vendor !== undefined) product.vendor = input.vendor;
  if (input.productType !== undefined) product.productType = input.productType;
  if (input.tags !== undefined) product.tags = input.tags;
  if (input.status !== undefined) product.status = input.status;
  if (input.seo?.title !== undefined) product.seoTitle = input.seo.title;
  if (input.seo?.description !== undefined) product.seoDescription = input.seo.description;
  if (input.variants !== undefined) setVariants(shop, product, index, input.variants, now, input.options);
  if (input.images !== undefined) setImages(shop, product, input.images);
  product.updatedAt = now;
}

export function deleteProduct(shop: ShopState, index: number): void {
  const product = shop.products[index]!;
  product.deletedAt = storeNow(shop);
  product.updatedAt = product.deletedAt;
}
