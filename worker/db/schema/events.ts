import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { tenantId, timestampMs } from "./columns.ts";

export const EVENT_SOURCES = ["webhook", "pixel", "backfill", "api"] as const;
export type EventSource = (typeof EVENT_SOURCES)[number];

/**
 * Canonical events. `dedup_key` is the business key (`purchase:<orderId>`, `checkout_start:<token>`, or the
 * source event id) so every source of the same fact lands on one row.
 */
export const eventsTable = sqliteTable(
  "events",
  {
    id: text("id").primaryKey(),
    tenantId: tenantId(),
    name: text("name").notNull(),
    source: text("source", { enum: EVENT_SOURCES }).notNull(),
    occurredAt: timestampMs("occurred_at").notNull(),
    receivedAt: timestampMs("received_at").notNull(),
    profileId: text("profile_id"),
    anonymousId: text("anonymous_id"),
    dedupKey: text("dedup_key").notNull(),
    sourceUpdatedAt: timestampMs("source_updated_at"),
    properties: text("properties", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    uniqueIndex("events_dedup_idx").on(t.tenantId, t.dedupKey),
    index("events_time_idx").on(t.tenantId, t.occurredAt),
    // Partial: server events never carry a visitor and anonymous pixel events no profile, so neither pays for an
    // index entry it is never found by (`x = ?` lets SQLite use an `x is not null` index).
    index("events_profile_idx").on(t.tenantId, t.profileId, t.name, t.occurredAt).where(sql`profile_id is not null`),
    index("events_anonymous_idx").on(t.tenantId, t.anonymousId).where(sql`anonymous_id is not null`),
    index("events_name_idx").on(t.tenantId, t.name, t.occurredAt),
  ],
);

/** Delivery ids already accepted (`X-Shopify-Webhook-Id`, Pub/Sub `messageId`, pixel event id), so redeliveries are stored once. */
export const deliveriesTable = sqliteTable(
  "deliveries",
  {
    key: text("key").primaryKey(),
    tenantId: text("tenant_id"),
    topic: text("topic").notNull(),
    receivedAt: timestampMs("received_at").notNull(),
  },
  (t) => [index("deliveries_tenant_idx").on(t.tenantId, t.receivedAt)],
);

/** Bodies too large for a queue message (128 KB) wait here; the message carries the id. */
export const ingestPayloadsTable = sqliteTable("ingest_payloads", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id"),
  /** The delivering shop: the route spills before it knows the tenant, and privacy requests find the body by it. */
  shopDomain: text("shop_domain"),
  body: text("body").notNull(),
  createdAt: timestampMs("created_at").notNull(),
});

/**
 * The R2 archive's manifest: one row per file `events/tenant=<id>/date=<date>/part-<part>.ndjson.gz`. A `pending`
 * row names the file a run is writing, so a run that died between the upload and the delete rewrites that same file.
 */
export const eventArchivePartsTable = sqliteTable(
  "event_archive_parts",
  {
    tenantId: tenantId(),
    date: text("date").notNull(),
    part: integer("part").notNull(),
    status: text("status", { enum: ["pending", "done"] }).notNull(),
    events: integer("events").notNull().default(0),
    bytes: integer("bytes").notNull().default(0),
    /** The run writing a pending file, until `claimed_until`: a duplicate queue delivery waits instead of racing it. */
    claim: text("claim"),
    claimedUntil: timestampMs("claimed_until"),
    createdAt: timestampMs("created_at").notNull(),
    archivedAt: timestampMs("archived_at"),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.date, t.part] }), index("event_archive_parts_status_idx").on(t.tenantId, t.status)],
);
