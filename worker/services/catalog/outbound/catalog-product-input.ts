import { z } from "zod";

/** Shopify's limits: three options a product, 2,048 variants (the store default), 255-character handles. */
export const MAX_OPTIONS = 3;
export const MAX_VARIANTS = 2048;
const HANDLE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const text = (max: number) => z.string().trim().max(max);
const price = z
  .union([z.number(), z.string().trim().regex(/^\d+(\.\d{1,4})?$/, "a price like 19.99")])
  .transform((value) => Number(value))
  .refine((value) => Number.isFinite(value) && value >= 0 && value < 1e12, "a price of 0 or more");

const Variant = z
  .object({
    /** The variant's value of each option, in the order of `options`. */
    options: z.array(text(255).min(1)).max(MAX_OPTIONS).default([]),
    price,
    compareAtPrice: price.nullish(),
    sku: text(255).nullish(),
    barcode: text(255).nullish(),
  })
  .strict();

/** A product SegOps sends to Shopify (catalog out), from `POST /v1/products` or one product of a CSV import. */
export const CatalogProductInput = z
  .object({
    handle: text(255).toLowerCase().regex(HANDLE, "lower-case letters, digits and single hyphens").optional(),
    title: text(255).min(1),
    descriptionHtml: z.string().max(512_000).optional(),
    vendor: text(255).optional(),
    productType: text(255).optional(),
    tags: z.array(text(255).min(1)).max(250).optional(),
    status: z.enum(["active", "draft", "archived", "unlisted"]).default("active"),
    seo: z.object({ title: text(255).nullish(), description: text(320).nullish() }).strict().optional(),
    options: z.array(z.object({ name: text(255).min(1), values: z.array(text(255).min(1)).min(1).max(100) }).strict()).max(MAX_OPTIONS).default([]),
    variants: z.array(Variant).min(1).max(MAX_VARIANTS),
    images: z.array(z.object({ src: z.string().trim().url().max(2048), alt: text(512).nullish() }).strict()).max(250).optional(),
  })
  .strict()
  .superRefine((product, ctx) => {
    const names = product.options.map((option) => option.name.toLowerCase());
    if (new Set(names).size !== names.length) ctx.addIssue({ code: "custom", path: ["options"], message: "two options have the same name" });
    const seen = new Set<string>();
    product.variants.forEach((variant, i) => {
      if (variant.options.length !== product.options.length) {
        ctx.addIssue({ code: "custom", path: ["variants", i, "options"], message: `has ${variant.options.length} option values; the product has ${product.options.length} options` });
        return;
      }
      const unknown = variant.options.findIndex((value, o) => !product.options[o]!.values.includes(value));
      if (unknown !== -1) ctx.addIssue({ code: "custom", path: ["variants", i, "options", unknown], message: `"${variant.options[unknown]}" is not a value of option ${product.options[unknown]!.name}` });
      const combination = JSON.stringify(variant.options);
      if (seen.has(combination)) ctx.addIssue({ code: "custom", path: ["variants", i, "options"], message: "another variant has the same option values" });
      seen.add(combination);
    });
    if (product.options.length === 0 && product.variants.length > 1) ctx.addIssue({ code: "custom", path: ["variants"], message: "several variants need options to tell them apart" });
  });
export type CatalogProductInput = z.output<typeof CatalogProductInput>;

/** A handle from the title as Shopify makes one: lower case, runs of anything else as one hyphen. */
export function handleFromTitle(title: string): string {
  const handle = title.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 255);
  return handle.replace(/-+$/, "") || "product";
}

/** The first problem zod found, as `path: message` a client can act on. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0]!;
  return `${issue.path.length > 0 ? `${issue.path.join(".")}: ` : ""}${issue.message}`;
}
