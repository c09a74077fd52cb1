import type { PlanLimitRefusal } from "../billing/check-plan-limit.ts";
import { z } from "zod";
import { RECOMMENDATION_RULES } from "../../db/schema/storefront.ts";

const Text = (max: number) => z.string().trim().min(1).max(max);
// Links stay on the storefront or go to https: a page never carries a javascript: or data: URL.
const Url = z
  .string()
  .trim()
  .max(500)
  .refine((url) => /^\/(?!\/)/.test(url) || /^https:\/\//.test(url), "must start with / or https://");

export const LandingBlockInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("heading"), text: Text(200) }),
  z.object({ kind: z.literal("text"), text: Text(5_000) }),
  z.object({ kind: z.literal("button"), text: Text(80), url: Url }),
]);

const ProductId = z
  .string()
  .trim()
  .regex(/^(gid:\/\/shopify\/Product\/)?\d{1,20}$/, "a Shopify product id or gid")
  .transform((id) => id.slice(id.lastIndexOf("/") + 1));

/** A recommendation rule by name: a page's products, or the theme block's strip. */
export const RecommendationRuleInput = z.enum(RECOMMENDATION_RULES);

export const LandingProductsInput = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("picks"), productIds: z.array(ProductId).min(1).max(12) }),
  z.object({ mode: z.literal("rule"), rule: RecommendationRuleInput, limit: z.number().int().min(1).max(12).default(4) }),
  z.object({ mode: z.literal("none") }),
]);

export const LandingSlugInput = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,59}$/, "lowercase letters, digits and dashes, at most 60");

const fields = {
  title: Text(200),
  body: z.string().trim().max(5_000),
  blocks: z.array(LandingBlockInput).max(30),
  /** The customer segment (by slug) that sees `segmentBlocks` instead of `blocks`; null for none. */
  segment: LandingSlugInput.nullable(),
  segmentBlocks: z.array(LandingBlockInput).max(30).nullable(),
  products: LandingProductsInput,
  status: z.enum(["draft", "published"]),
};

export const CreateLandingPageInput = z.object({
  slug: LandingSlugInput,
  title: fields.title,
  body: fields.body.default(""),
  blocks: fields.blocks.default([]),
  segment: fields.segment.default(null),
  segmentBlocks: fields.segmentBlocks.default(null),
  products: fields.products.default({ mode: "rule", rule: "personal", limit: 4 }),
  status: fields.status.default("draft"),
});

export const UpdateLandingPageInput = z.object(fields).partial();

export type LandingPageWriteError =
  | { reason: "not_found" | "slug_taken" | "unknown_segment" | "unknown_products"; message: string }
  | { reason: "plan_limit"; message: string; refusal: PlanLimitRefusal };

/** The editor's unsaved page, seen as a guest (`everyone`) or as a member of its target segment (`segment`). */
export const PreviewLandingPageInput = z.object({
  page: CreateLandingPageInput.omit({ slug: true, status: true }).extend({ slug: LandingSlugInput.default("preview") }),
  audience: z.enum(["everyone", "segment"]).default("everyone"),
});
