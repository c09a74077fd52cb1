import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { tenantId, timestampMs, updatedAt } from "./columns.ts";

export const PLANS = ["starter", "growth", "scale"] as const;
export type Plan = (typeof PLANS)[number];

/** Shopify's AppSubscriptionStatus values. */
export const SUBSCRIPTION_STATUSES = ["PENDING", "ACCEPTED", "ACTIVE", "DECLINED", "EXPIRED", "FROZEN", "CANCELLED"] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

/**
 * Every Shopify app subscription a tenant created, with the newest status Shopify told us (`status_at` is its
 * `updated_at`, so an older update never overwrites a newer one). The plan in force is the newest ACTIVE one.
 */
export const billingSubscriptionsTable = sqliteTable(
  "billing_subscriptions",
  {
    tenantId: tenantId(),
    subscriptionGid: text("shopify_subscription_gid").notNull(),
    plan: text("plan", { enum: PLANS }).notNull(),
    status: text("status", { enum: SUBSCRIPTION_STATUSES }).notNull(),
    statusAt: timestampMs("status_at").notNull(),
    test: integer("test", { mode: "boolean" }).notNull().default(false),
    trialDays: integer("trial_days").notNull().default(0),
    createdAt: timestampMs("created_at").notNull(),
    /** The merchant came back through the return URL having approved it (a deferred downgrade stays PENDING). */
    approvedAt: timestampMs("approved_at"),
    /** First seen ACTIVE: its trial starts here. */
    activatedAt: timestampMs("activated_at"),
    /** First seen no longer ACTIVE after activation: its trial stops counting here. */
    endedAt: timestampMs("ended_at"),
    currentPeriodEnd: timestampMs("current_period_end"),
    /** Its trial days are added to the shop's `billing_trials` row (once, in the same transaction). */
    trialCounted: integer("trial_counted", { mode: "boolean" }).notNull().default(false),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.subscriptionGid] }), index("billing_subscriptions_created_idx").on(t.tenantId, t.createdAt)],
);

/**
 * Trial days used per shop, keyed by a keyed hash of the shop domain (never the domain): a trial is once per shop,
 * across uninstalls, reinstalls and shop/redact, which keeps this row and nothing that names the shop.
 */
export const billingTrialsTable = sqliteTable("billing_trials", {
  shopHash: text("shop_hash").primaryKey(),
  daysUsed: integer("days_used").notNull().default(0),
  updatedAt: updatedAt(),
});

/** Events stored per tenant and billing month (`YYYY-MM`, UTC), counted by the ingest consumer once per batch. */
export const usageCountersTable = sqliteTable(
  "usage_counters",
  {
    tenantId: tenantId(),
    period: text("period").notNull(),
    events: integer("events").notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.period] })],
);
