import { productsTable, profilesTable } from "../../../db/schema/index.ts";
import type { AttributeOp, SegmentKind } from "./ast.ts";

export type AttributeType = "string" | "country" | "tags" | "number" | "integer" | "date" | "enum";

export type AttributeSpec = {
  name: string;
  kind: SegmentKind;
  type: AttributeType;
  /** Column of the `p` row (profiles or products), named by the schema. */
  column: string;
  nullable: boolean;
  ops: readonly AttributeOp[];
  /** Enum values as written in the DSL (lowercase); stored upper- or lowercase as `stored` says. */
  values?: readonly string[];
  stored?: "upper" | "lower";
  min?: number;
  max?: number;
  aliases?: readonly string[];
};

const COMPARE = ["=", "!=", "<", "<=", ">", ">="] as const;
const PRESENCE = ["is set", "is not set"] as const;
const NUMBER_OPS = [...COMPARE, "between"] as const;
const NULLABLE_NUMBER_OPS = [...NUMBER_OPS, ...PRESENCE] as const;
const DATE_OPS = [...COMPARE, "between", ...PRESENCE] as const;
const TAG_OPS = ["contains", "not contains"] as const;
const ENUM_OPS = ["=", "!=", "in", "not in", ...PRESENCE] as const;
const TEXT_OPS = ["=", "!=", "contains", "not contains", ...PRESENCE] as const;
const LABEL_OPS = ["=", "!=", "in", "not in", "contains", "not contains", ...PRESENCE] as const;

export const EMAIL_SUBSCRIPTION_STATES = ["subscribed", "not_subscribed", "unsubscribed", "pending", "invalid", "redacted"] as const;
export const PRODUCT_STATUSES = ["active", "draft", "archived", "unlisted"] as const;

const customer = (spec: Omit<AttributeSpec, "kind">): AttributeSpec => ({ ...spec, kind: "customer" });
const product = (spec: Omit<AttributeSpec, "kind">): AttributeSpec => ({ ...spec, kind: "product" });

export const CUSTOMER_ATTRIBUTES: readonly AttributeSpec[] = [
  customer({ name: "country", type: "country", column: profilesTable.country.name, nullable: true, ops: ["=", "!=", "in", "not in", ...PRESENCE] }),
  customer({ name: "tags", type: "tags", column: profilesTable.tags.name, nullable: false, ops: TAG_OPS }),
  customer({ name: "total_spent", type: "number", column: profilesTable.totalSpent.name, nullable: false, ops: NUMBER_OPS }),
  customer({ name: "orders_count", type: "integer", column: profilesTable.ordersCount.name, nullable: false, ops: NUMBER_OPS }),
  customer({ name: "first_order_date", type: "date", column: profilesTable.firstOrderAt.name, nullable: true, ops: DATE_OPS }),
  customer({ name: "last_order_date", type: "date", column: profilesTable.lastOrderAt.name, nullable: true, ops: DATE_OPS }),
  customer({ name: "last_seen", type: "date", column: profilesTable.lastSeenAt.name, nullable: true, ops: DATE_OPS }),
  customer({
    name: "email_subscription",
    type: "enum",
    column: profilesTable.emailMarketingState.name,
    nullable: true,
    ops: ENUM_OPS,
    values: EMAIL_SUBSCRIPTION_STATES,
    stored: "upper",
  }),
  customer({ name: "email", type: "string", column: profilesTable.email.name, nullable: true, ops: TEXT_OPS }),
];

export const PRODUCT_ATTRIBUTES: readonly AttributeSpec[] = [
  product({
    name: "ai_readability_score",
    type: "integer",
    column: productsTable.aiScore.name,
    nullable: true,
    ops: NULLABLE_NUMBER_OPS,
    min: 0,
    max: 100,
    aliases: ["ai_score"],
  }),
  product({ name: "tags", type: "tags", column: productsTable.tags.name, nullable: false, ops: TAG_OPS }),
  product({ name: "type", type: "string", column: productsTable.productType.name, nullable: true, ops: LABEL_OPS }),
  product({ name: "vendor", type: "string", column: productsTable.vendor.name, nullable: true, ops: LABEL_OPS }),
  product({ name: "title", type: "string", column: productsTable.title.name, nullable: false, ops: ["=", "!=", "contains", "not contains"] }),
  product({ name: "price", type: "number", column: productsTable.priceMin.name, nullable: true, ops: NULLABLE_NUMBER_OPS }),
  product({ name: "inventory", type: "integer", column: productsTable.inventoryTotal.name, nullable: true, ops: NULLABLE_NUMBER_OPS }),
  product({ name: "mentions", type: "integer", column: productsTable.mentionCount30d.name, nullable: false, ops: NUMBER_OPS }),
  product({ name: "status", type: "enum", column: productsTable.status.name, nullable: true, ops: ENUM_OPS, values: PRODUCT_STATUSES, stored: "lower" }),
];

export const attributesOf = (kind: SegmentKind): readonly AttributeSpec[] =>
  kind === "customer" ? CUSTOMER_ATTRIBUTES : PRODUCT_ATTRIBUTES;

/** Finds an attribute by name or alias, case-insensitively. */
export function findAttribute(kind: SegmentKind, name: string): AttributeSpec | undefined {
  const wanted = name.toLowerCase();
  return attributesOf(kind).find((spec) => spec.name === wanted || spec.aliases?.includes(wanted));
}
