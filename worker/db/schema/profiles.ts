import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, tenantId, timestampMs, updatedAt } from "./columns.ts";

/** One profile per Shopify customer; aggregates are recomputed from `orders` so redeliveries never inflate them. */
export const profilesTable = sqliteTable(
  "profiles",
  {
    id: text("id").primaryKey(),
    tenantId: tenantId(),
    shopifyCustomerId: text("shopify_customer_id").notNull(),
    email: text("email"),
    phone: text("phone"),
    firstName: text("first_name"),
    lastName: text("last_name"),
    country: text("country"),
    tags: text("tags", { mode: "json" }).$type<string[]>().notNull(),
    emailMarketingState: text("email_marketing_state"),
    smsMarketingState: text("sms_marketing_state"),
    ordersCount: integer("orders_count").notNull().default(0),
    totalSpent: real("total_spent").notNull().default(0),
    currency: text("currency"),
    firstOrderAt: timestampMs("first_order_at"),
    lastOrderAt: timestampMs("last_order_at"),
    lastSeenAt: timestampMs("last_seen_at"),
    /** Events moved to the R2 archive, counted by name, so all-time counts in segments still see them. */
    archivedEventCounts: text("archived_event_counts", { mode: "json" }).$type<Record<string, number>>(),
    /** The archive's files holding this customer's events, as `YYYY-MM-DD/<part>`: exports and redactions read only these. */
    archivedFiles: text("archived_files", { mode: "json" }).$type<string[]>(),
    sourceUpdatedAt: timestampMs("source_updated_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    redactedAt: timestampMs("redacted_at"),
  },
  (t) => [
    uniqueIndex("profiles_customer_idx").on(t.tenantId, t.shopifyCustomerId),
    index("profiles_country_idx").on(t.tenantId, t.country),
    index("profiles_spent_idx").on(t.tenantId, t.totalSpent),
    index("profiles_last_order_idx").on(t.tenantId, t.lastOrderAt),
  ],
);

export const IDENTITY_KINDS = ["client_id", "checkout_token", "cart_token", "email"] as const;
export type IdentityKind = (typeof IDENTITY_KINDS)[number];

/** Links an identifier to a profile. Only server-side facts create links; the pixel never names a customer. */
export const identitiesTable = sqliteTable(
  "identities",
  {
    tenantId: tenantId(),
    kind: text("kind", { enum: IDENTITY_KINDS }).notNull(),
    value: text("value").notNull(),
    profileId: text("profile_id").notNull(),
    linkedBy: text("linked_by").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.kind, t.value] }), index("identities_profile_idx").on(t.tenantId, t.profileId)],
);

export const ordersTable = sqliteTable(
  "orders",
  {
    tenantId: tenantId(),
    shopifyOrderId: text("shopify_order_id").notNull(),
    profileId: text("profile_id"),
    shopifyCustomerId: text("shopify_customer_id"),
    name: text("name"),
    currency: text("currency"),
    totalPrice: real("total_price").notNull(),
    totalRefunded: real("total_refunded").notNull().default(0),
    financialStatus: text("financial_status"),
    checkoutToken: text("checkout_token"),
    cartToken: text("cart_token"),
    lineItems: text("line_items", { mode: "json" }).$type<unknown[]>().notNull(),
    orderedAt: timestampMs("ordered_at").notNull(),
    cancelledAt: timestampMs("cancelled_at"),
    sourceUpdatedAt: timestampMs("source_updated_at"),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.shopifyOrderId] }),
    index("orders_profile_idx").on(t.tenantId, t.profileId, t.orderedAt),
    index("orders_checkout_idx").on(t.tenantId, t.checkoutToken),
  ],
);

/** Checkouts by token: abandoned-checkout facts, the order they became, and the visitor who started them. */
export const checkoutsTable = sqliteTable(
  "checkouts",
  {
    tenantId: tenantId(),
    token: text("token").notNull(),
    cartToken: text("cart_token"),
    shopifyCheckoutId: text("shopify_checkout_id"),
    profileId: text("profile_id"),
    anonymousId: text("anonymous_id"),
    shopifyOrderId: text("shopify_order_id"),
    totalPrice: real("total_price"),
    currency: text("currency"),
    pixelEnrichment: text("pixel_enrichment", { mode: "json" }).$type<Record<string, unknown>>(),
    startedAt: timestampMs("started_at"),
    completedAt: timestampMs("completed_at"),
    sourceUpdatedAt: timestampMs("source_updated_at"),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.token] }),
    index("checkouts_profile_idx").on(t.tenantId, t.profileId),
    index("checkouts_started_idx").on(t.tenantId, t.startedAt),
    index("checkouts_cart_idx").on(t.tenantId, t.cartToken),
  ],
);
