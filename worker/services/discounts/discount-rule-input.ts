import { z } from "zod";
import { DISCOUNT_TARGETS } from "../../db/schema/index.ts";
import type { PlanLimitRefusal } from "../billing/check-plan-limit.ts";

/** Shopify's cap on active automatic discount functions per store, across all apps: SegOps' cap on active rules. */
export const MAX_ACTIVE_RULES = 25;
export const MAX_TARGET_IDS = 50;

const GID_TYPE = { products: "Product", variants: "ProductVariant", collections: "Collection" } as const;

const Money = z
  .union([z.string().trim(), z.number().nonnegative()])
  .transform((value) => String(value))
  .pipe(z.string().regex(/^\d{1,9}(\.\d{1,2})?$/, "a number with at most two decimals, e.g. 10 or 19.99"));
const When = z.iso.datetime({ offset: true }).nullable();

const RuleFields = {
  title: z.string().trim().min(1).max(80),
  segment: z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/, "a segment's slug"),
  valueType: z.enum(["percentage", "fixed_amount"]),
  value: Money,
  target: z.enum(DISCOUNT_TARGETS),
  /** Numeric Shopify ids or GIDs of the targeted products, variants or collections; empty for `order`. */
  targetIds: z.array(z.string().trim().min(1)).max(MAX_TARGET_IDS),
  minimumSubtotal: Money.nullable(),
  startsAt: When,
  endsAt: When,
  combinesWith: z.strictObject({ orderDiscounts: z.boolean(), productDiscounts: z.boolean(), shippingDiscounts: z.boolean() }),
  status: z.enum(["active", "paused"]),
};

export const CreateDiscountRuleInput = z.strictObject({
  ...RuleFields,
  targetIds: RuleFields.targetIds.default([]),
  minimumSubtotal: RuleFields.minimumSubtotal.default(null),
  startsAt: RuleFields.startsAt.default(null),
  endsAt: RuleFields.endsAt.default(null),
  combinesWith: RuleFields.combinesWith.default({ orderDiscounts: false, productDiscounts: false, shippingDiscounts: false }),
  status: RuleFields.status.default("active"),
});

export const UpdateDiscountRuleInput = z
  .strictObject({
    title: RuleFields.title.optional(),
    segment: RuleFields.segment.optional(),
    valueType: RuleFields.valueType.optional(),
    value: RuleFields.value.optional(),
    target: RuleFields.target.optional(),
    targetIds: RuleFields.targetIds.optional(),
    minimumSubtotal: RuleFields.minimumSubtotal.optional(),
    startsAt: RuleFields.startsAt.optional(),
    endsAt: RuleFields.endsAt.optional(),
    combinesWith: RuleFields.combinesWith.optional(),
    status: RuleFields.status.optional(),
  })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), "give at least one field to change");

/** A rule's fields once every default and patch is applied, before they are checked together. */
export type DiscountRuleFields = z.output<typeof CreateDiscountRuleInput>;

export type DiscountRuleError =
  | { reason: "invalid"; field: string; message: string }
  | { reason: "not_found"; message: string }
  | { reason: "segment_not_pushed"; message: string; segment: string; pushMode: string }
  | { reason: "limit_reached"; message: string; active: number }
  | { reason: "plan_limit"; message: string; refusal: PlanLimitRefusal }
  /** `refused`: Shopify answered with userErrors (`code` is theirs); otherwise the call itself failed. */
  | { reason: "shopify"; message: string; code: string | null; refused: boolean };

/** `gid://shopify/Product/123` or `123` → `123`, when the GID names the kind of thing the target takes. */
function numericTargetId(target: Exclude<DiscountRuleFields["target"], "order">, raw: string): string | null {
  if (/^\d{1,20}$/.test(raw)) return raw;
  const match = /^gid:\/\/shopify\/(\w+)\/(\d{1,20})$/.exec(raw);
  return match && match[1] === GID_TYPE[target] ? match[2]! : null;
}

/** Checks the fields that depend on each other and normalises target ids to numbers. */
export function checkRuleFields(fields: DiscountRuleFields): { ok: true; targetIds: string[] } | { ok: false; error: DiscountRuleError } {
  const invalid = (field: string, message: string) => ({ ok: false as const, error: { reason: "invalid" as const, field, message } });
  const value = Number(fields.value);
  if (value <= 0) return invalid("value", "value: must be more than 0");
  if (fields.valueType === "percentage" && value > 100) return invalid("value", "value: a percentage is at most 100");
  if (fields.startsAt && fields.endsAt && Date.parse(fields.endsAt) <= Date.parse(fields.startsAt)) {
    return invalid("endsAt", "endsAt: must be after startsAt");
  }
  const { target } = fields;
  if (target === "order") {
    return fields.targetIds.length > 0 ? invalid("targetIds", "targetIds: a whole-order rule names no products, variants or collections") : { ok: true, targetIds: [] };
  }
  if (fields.targetIds.length === 0) return invalid("targetIds", `targetIds: name at least one of the ${target} this rule discounts`);
  const ids: string[] = [];
  for (const raw of fields.targetIds) {
    const id = numericTargetId(target, raw);
    if (id === null) return invalid("targetIds", `targetIds: \`${raw}\` is not a ${GID_TYPE[target]} id`);
    if (!ids.includes(id)) ids.push(id);
  }
  return { ok: true, targetIds: ids };
}
