import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, tenantId, timestampMs, updatedAt } from "./columns.ts";

export type AiRecommendation = { code: string; message: string; points: number };

/** The catalog. Deletes are soft; `metafields_digest` is what was last written to Shopify, so pushes send only changes. */
export const productsTable = sqliteTable(
  "products",
  {
    id: text("id").primaryKey(),
    tenantId: tenantId(),
    shopifyProductId: text("shopify_product_id"),
    origin: text("origin", { enum: ["shopify", "segops"] }).notNull(),
    handle: text("handle"),
    title: text("title").notNull(),
    vendor: text("vendor"),
    productType: text("product_type"),
    status: text("status"),
    tags: text("tags", { mode: "json" }).$type<string[]>().notNull(),
    priceMin: real("price_min"),
    priceMax: real("price_max"),
    inventoryTotal: integer("inventory_total"),
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    aiScore: integer("ai_score"),
    aiRecommendations: text("ai_recommendations", { mode: "json" }).$type<AiRecommendation[]>(),
    /** When `ai_score` was computed; a row with `updated_at` past it is due for scoring. */
    aiScoredAt: timestampMs("ai_scored_at"),
    mentionCount30d: integer("mention_count_30d").notNull().default(0),
    metafieldsDigest: text("metafields_digest"),
    metafieldsPushedAt: timestampMs("metafields_pushed_at"),
    outboundState: text("outbound_state", { enum: ["pending", "pushed", "failed"] }),
    outboundError: text("outbound_error"),
    /** When SegOps' own version was last written for Shopify (catalog out); a push marks `pushed` only the version it sent. */
    outboundRequestedAt: timestampMs("outbound_requested_at"),
    sourceUpdatedAt: timestampMs("source_updated_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: timestampMs("deleted_at"),
  },
  (t) => [
    uniqueIndex("products_shopify_idx").on(t.tenantId, t.shopifyProductId),
    index("products_score_idx").on(t.tenantId, t.aiScore),
    index("products_updated_idx").on(t.tenantId, t.updatedAt),
    // Mentions and catalog out name products by handle.
    index("products_handle_idx").on(t.tenantId, t.handle),
  ],
);

/** AI-visibility mentions of a product (an assistant or a page citing it); counted over 30 days. */
export const mentionsTable = sqliteTable(
  "mentions",
  {
    id: text("id").primaryKey(),
    tenantId: tenantId(),
    productId: text("product_id").notNull(),
    source: text("source").notNull(),
    /** What the shopper asked the assistant, when the source knows it. */
    query: text("query"),
    url: text("url"),
    dedupKey: text("dedup_key").notNull(),
    occurredAt: timestampMs("occurred_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("mentions_dedup_idx").on(t.tenantId, t.dedupKey),
    index("mentions_product_idx").on(t.tenantId, t.productId, t.occurredAt),
  ],
);

/**
 * `POST /v1/products` answers by `Idempotency-Key`: the first request's body digest and answer, replayed to a retry
 * with the same body and refused to one with another. Kept 24 hours.
 */
export const idempotencyKeysTable = sqliteTable(
  "idempotency_keys",
  {
    tenantId: tenantId(),
    route: text("route").notNull(),
    key: text("key").notNull(),
    bodyDigest: text("body_digest").notNull(),
    status: integer("status").notNull(),
    response: text("response", { mode: "json" }).$type<unknown>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.route, t.key] }), index("idempotency_keys_created_idx").on(t.createdAt)],
);
