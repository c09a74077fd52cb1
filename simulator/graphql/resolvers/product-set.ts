import { parseId } from "../../lib/ids.ts";
import { addProduct, updateProduct, type ProductInput } from "../../store/record-product.ts";
import type { ProductStatus } from "../../types.ts";
import { inBackground } from "../../webhooks/dispatch.ts";
import { emitWebhooks } from "../../webhooks/emit.ts";
import { productEvent } from "../../webhooks/payloads/product.ts";
import type { GqlContext, Resolver } from "../context.ts";
import { productNode } from "./products.ts";

type OptionValue = { optionName?: string; name?: string };
type SetInput = {
  id?: string;
  title?: string;
  handle?: string;
  descriptionHtml?: string;
  vendor?: string;
  productType?: string;
  tags?: string[];
  status?: ProductStatus;
  seo?: { title?: string | null; description?: string | null };
  productOptions?: { name?: string; values?: { name?: string }[] }[];
  variants?: { optionValues: OptionValue[]; price?: string | number; compareAtPrice?: string | number | null; sku?: string; barcode?: string }[];
  files?: { originalSource?: string; alt?: string }[];
};
type SetError = { code: string; field: string[]; message: string };

const MAX_VARIANTS = 2048;

function findExisting(gql: GqlContext, input: SetInput, identifier: { id?: string; handle?: string } | undefined): number | null | "missing" {
  const id = identifier?.id ?? input.id;
  if (id) {
    const index = gql.shop.index.products.get(parseId(id).id);
    return index === undefined || gql.shop.products[index]!.deletedAt !== null ? "missing" : index;
  }
  if (identifier?.handle) {
    const index = gql.shop.products.findIndex((p) => p.deletedAt === null && p.handle === identifier.handle);
    return index === -1 ? null : index;
  }
  return null;
}

/** The options and variants of the input as the store keeps them, or the first thing Shopify would refuse. */
function readVariants(input: SetInput): { options?: ProductInput["options"]; variants?: ProductInput["variants"] } | SetError {
  const options = input.productOptions?.map((option) => ({ name: option.name ?? "", values: (option.values ?? []).map((v) => v.name ?? "") }));
  if (options && input.variants === undefined) return { code: "VARIANTS_INPUT_MISSING", field: ["input", "variants"], message: "Variants input is required when updating options." };
  if (!input.variants) return {};
  if (input.variants.length > MAX_VARIANTS) return { code: "VARIANTS_OVER_LIMIT", field: ["input", "variants"], message: `Exceeded the maximum of ${MAX_VARIANTS} variants.` };
  const variants: NonNullable<ProductInput["variants"]> = [];
  for (const [i, variant] of input.variants.entries()) {
    const values: string[] = [];
    for (const value of variant.optionValues) {
      const option = options?.find((o) => o.name === value.optionName);
      if (!option) return { code: "OPTION_DOES_NOT_EXIST", field: ["input", "variants", String(i), "optionValues"], message: `Option does not exist: ${value.optionName ?? ""}` };
      if (!option.values.includes(value.name ?? "")) {
        return { code: "OPTION_VALUE_DOES_NOT_EXIST", field: ["input", "variants", String(i), "optionValues"], message: `Option value does not exist: ${value.name ?? ""}` };
      }
      values.push(value.name ?? "");
    }
    variants.push({ options: values, price: variant.price ?? 0, compareAtPrice: variant.compareAtPrice ?? null, sku: variant.sku ?? null, barcode: variant.barcode ?? null });
  }
  return { ...(options ? { options } : {}), variants };
}

/**
 * `productSet`: a declarative create-or-update (by `identifier`, else `input.id`); lists given replace what the
 * product had. Synchronous only: the product is in the answer, and its `products/create|update` webhook follows.
 */
export const productSet: Resolver = (_source, args, gql) => {
  const input = args.input as SetInput;
  const fail = (error: SetError) => ({ product: null, productSetOperation: null, userErrors: [error] });
  const existing = findExisting(gql, input, args.identifier as { id?: string; handle?: string } | undefined);
  if (existing === "missing") return fail({ code: "PRODUCT_DOES_NOT_EXIST", field: ["input", "id"], message: "Product does not exist" });
  if (existing === null && !input.title?.trim()) return fail({ code: "INVALID_PRODUCT", field: ["input", "title"], message: "Title can't be blank" });
  const handleOwner = input.handle ? gql.shop.products.findIndex((p) => p.deletedAt === null && p.handle === input.handle) : -1;
  if (handleOwner !== -1 && handleOwner !== existing) return fail({ code: "HANDLE_NOT_UNIQUE", field: ["input", "handle"], message: `Handle '${input.handle}' already in use. Please provide a new handle.` });
  const read = readVariants(input);
  if ("code" in read) return fail(read);
  const change: ProductInput = {
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.handle !== undefined ? { handle: input.handle } : {}),
    ...(input.descriptionHtml !== undefined ? { bodyHtml: input.descriptionHtml } : {}),
    ...(input.vendor !== undefined ? { vendor: input.vendor } : {}),
    ...(input.productType !== undefined ? { productType: input.productType } : {}),
    ...(input.tags !== undefined ? { tags: input.tags } : {}),
    ...(input.status !== undefined ? { status: input.status } : {}),
    ...(input.seo !== undefined ? { seo: input.seo } : {}),
    ...read,
    ...(input.files !== undefined ? { images: input.files.map((file) => ({ src: file.originalSource ?? "", alt: file.alt ?? null })) } : {}),
  };
  const index = existing === null ? addProduct(gql.shop, change) : existing;
  if (existing !== null) updateProduct(gql.shop, index, change);
  const topic = existing === null ? "products/create" : "products/update";
  inBackground(gql.sim, emitWebhooks(gql.sim, gql.shop, [productEvent(gql.shop, gql.shop.products[index]!, topic)], { appCaused: true }));
  return { product: productNode(gql, index), productSetOperation: null, userErrors: [] };
};
