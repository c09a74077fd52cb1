import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, tenantId, timestampMs, updatedAt } from "./columns.ts";

export type CombinesWith = { orderDiscounts: boolean; productDiscounts: boolean; shippingDiscounts: boolean };
export const DISCOUNT_TARGETS = ["order", "products", "collections", "variants"] as const;

/**
 * Segment-driven discounts: the rules the one discount Function evaluates from its metafield configuration
 * (docs/discounts.md). Rules with the same dates and combinations share one Shopify automatic app discount.
 */
export const discountRulesTable = sqliteTable(
  "discount_rules",
  {
    id: text("id").primaryKey(),
    tenantId: tenantId(),
    segmentId: text("segment_id").notNull(),
    title: text("title").notNull(),
    valueType: text("value_type", { enum: ["percentage", "fixed_amount"] }).notNull(),
    /** A decimal string: a percentage (0–100] or an amount in the shop's currency. */
    value: text("value").notNull(),
    /** ORDER for a whole-order rule, PRODUCT for the others (follows `target`). */
    discountClass: text("discount_class", { enum: ["PRODUCT", "ORDER", "SHIPPING"] }).notNull(),
    /** The Shopify automatic app discount whose configuration holds this rule, once synced. */
    shopifyDiscountGid: text("shopify_discount_gid"),
    /** `inactive` is a paused rule: kept, but in no discount's configuration. */
    status: text("status", { enum: ["active", "inactive"] }).notNull(),
    startsAt: timestampMs("starts_at"),
    endsAt: timestampMs("ends_at"),
    target: text("target", { enum: DISCOUNT_TARGETS }).notNull().default("order"),
    /** Numeric Shopify ids of the targeted products, variants or collections. */
    targetIds: text("target_ids", { mode: "json" }).$type<string[]>().notNull().default([]),
    minimumSubtotal: text("minimum_subtotal"),
    combinesWith: text("combines_with", { mode: "json" })
      .$type<CombinesWith>()
      .notNull()
      .default({ orderDiscounts: false, productDiscounts: false, shippingDiscounts: false }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("discount_rules_tenant_idx").on(t.tenantId, t.status)],
);

/** The Shopify automatic app discounts SegOps keeps, one per group of rules sharing dates and combinations. */
export const shopifyDiscountsTable = sqliteTable(
  "shopify_discounts",
  {
    tenantId: tenantId(),
    /** Dates and combinations the group's rules share (worker/services/discounts/group-discount-rules.ts). */
    groupKey: text("group_key").notNull(),
    shopifyDiscountGid: text("shopify_discount_gid").notNull(),
    /** SHA-256 of the discount input last sent, so an unchanged group is not sent again. */
    digest: text("digest").notNull(),
    ruleCount: integer("rule_count").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.groupKey] })],
);
