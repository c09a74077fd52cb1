import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, tenantId, timestampMs } from "./columns.ts";

/** Whatever could not be parsed or mapped: acknowledged, kept with its reason, replayable by an operator. */
export const quarantineTable = sqliteTable(
  "quarantine",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id"),
    shopDomain: text("shop_domain"),
    source: text("source", { enum: ["webhook", "pubsub", "pixel", "backfill", "flow", "api"] }).notNull(),
    topic: text("topic"),
    reason: text("reason").notNull(),
    payload: text("payload").notNull(),
    headers: text("headers", { mode: "json" }).$type<Record<string, string>>(),
    receivedAt: timestampMs("received_at").notNull(),
    replayedAt: timestampMs("replayed_at"),
    replayResult: text("replay_result"),
  },
  (t) => [index("quarantine_tenant_idx").on(t.tenantId, t.receivedAt), index("quarantine_open_idx").on(t.replayedAt, t.receivedAt)],
);

/** Queue messages that used up their retries; recorded by the dead-letter consumers. */
export const deadLettersTable = sqliteTable(
  "dead_letters",
  {
    id: text("id").primaryKey(),
    queue: text("queue").notNull(),
    messageId: text("message_id").notNull(),
    tenantId: text("tenant_id"),
    body: text("body").notNull(),
    attempts: integer("attempts").notNull(),
    receivedAt: timestampMs("received_at").notNull(),
    replayedAt: timestampMs("replayed_at"),
  },
  (t) => [index("dead_letters_queue_idx").on(t.queue, t.receivedAt)],
);

export const JOB_KINDS = [
  "backfill",
  "reconcile",
  "metafield_push",
  "segment_recompute",
  "segment_push",
  "product_push",
  "privacy",
] as const;

/** History of long-running work; live progress is in the tenant's Durable Object. */
export const jobsTable = sqliteTable(
  "jobs",
  {
    id: text("id").primaryKey(),
    tenantId: tenantId(),
    kind: text("kind", { enum: JOB_KINDS }).notNull(),
    status: text("status", { enum: ["queued", "running", "succeeded", "failed", "cancelled"] }).notNull(),
    params: text("params", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    result: text("result", { mode: "json" }).$type<Record<string, unknown>>(),
    error: text("error"),
    createdAt: createdAt(),
    startedAt: timestampMs("started_at"),
    finishedAt: timestampMs("finished_at"),
  },
  (t) => [index("jobs_tenant_idx").on(t.tenantId, t.kind, t.createdAt)],
);

/**
 * Privacy requests with their 30-day due date. Kept after shop/redact as proof of completion, so `tenant_id`
 * may point at a deleted tenant; customer identifiers in `payload` are scrubbed once the request is done.
 */
export const privacyRequestsTable = sqliteTable(
  "privacy_requests",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id"),
    shopDomain: text("shop_domain").notNull(),
    kind: text("kind", { enum: ["customers_data_request", "customers_redact", "shop_redact"] }).notNull(),
    shopifyCustomerId: text("shopify_customer_id"),
    payload: text("payload", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    export: text("export", { mode: "json" }).$type<Record<string, unknown>>(),
    status: text("status", { enum: ["received", "completed", "at_risk"] }).notNull(),
    receivedAt: timestampMs("received_at").notNull(),
    dueAt: timestampMs("due_at").notNull(),
    completedAt: timestampMs("completed_at"),
  },
  (t) => [index("privacy_requests_due_idx").on(t.status, t.dueAt), index("privacy_requests_tenant_idx").on(t.tenantId)],
);
