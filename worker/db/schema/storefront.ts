import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, tenantId, timestampMs, updatedAt } from "./columns.ts";

/** A content block of a landing page; text only, so nothing a merchant types is ever rendered as markup. */
export type LandingBlock =
  | { kind: "heading"; text: string }
  | { kind: "text"; text: string }
  | { kind: "button"; text: string; url: string };

export const RECOMMENDATION_RULES = ["personal", "bought_together", "popular_in_segment", "recently_viewed", "best_sellers"] as const;
export type RecommendationRule = (typeof RECOMMENDATION_RULES)[number];

/** Which products a page shows: the merchant's picks (Shopify product ids) or a recommendation rule. */
export type LandingProducts = { mode: "picks"; productIds: string[] } | { mode: "rule"; rule: RecommendationRule; limit: number } | { mode: "none" };

/**
 * Landing pages served through the app proxy (`/proxy/pages/:slug`) and the theme app block. Customers in
 * `segment_id` see `segment_blocks` instead of `blocks`; only `published` pages are served.
 */
export const landingPagesTable = sqliteTable(
  "landing_pages",
  {
    id: text("id").primaryKey(),
    tenantId: tenantId(),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    /** The intro paragraph, plain text. */
    body: text("body").notNull(),
    segmentId: text("segment_id"),
    status: text("status", { enum: ["draft", "published"] }).notNull().default("draft"),
    blocks: text("blocks", { mode: "json" }).$type<LandingBlock[]>().notNull().default(sql`'[]'`),
    segmentBlocks: text("segment_blocks", { mode: "json" }).$type<LandingBlock[]>(),
    products: text("products", { mode: "json" }).$type<LandingProducts>().notNull().default(sql`'{"mode":"rule","rule":"personal","limit":4}'`),
    publishedAt: timestampMs("published_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("landing_pages_slug_idx").on(t.tenantId, t.slug)],
);

export const RECOMMENDATION_KINDS = ["pair", "segment", "best"] as const;

/**
 * Precomputed recommendation scores (`weight`, higher first), rebuilt per tenant from `orders` by the hourly refresh: `pair` (anchor = a
 * Shopify product id: orders holding both), `segment` (anchor = a segment id: members who bought it), `best`
 * (anchor = '': orders of the last 90 days). At most 24 rows per anchor, so a read is one index range.
 */
export const recommendationScoresTable = sqliteTable(
  "recommendation_scores",
  {
    tenantId: tenantId(),
    kind: text("kind", { enum: RECOMMENDATION_KINDS }).notNull(),
    anchor: text("anchor").notNull(),
    productId: text("product_id").notNull(),
    weight: real("weight").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.kind, t.anchor, t.productId] }),
    index("recommendation_scores_rank_idx").on(t.tenantId, t.kind, t.anchor, t.weight),
  ],
);

/** When a tenant's scores were last rebuilt and from how many orders; the refresh skips tenants with no new order. */
export const recommendationRefreshesTable = sqliteTable("recommendation_refreshes", {
  tenantId: text("tenant_id").primaryKey(),
  refreshedAt: timestampMs("refreshed_at").notNull(),
  ordersUpdatedAt: timestampMs("orders_updated_at"),
  orders: integer("orders").notNull(),
  rows: integer("rows").notNull(),
  ms: integer("ms").notNull(),
});
