import { index, integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
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
    /** The shop of a webhook message (which names no tenant), so privacy requests find it. */
    shopDomain: text("shop_domain"),
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

export const PRIVACY_REQUEST_STATUSES = ["received", "running", "completed", "failed"] as const;

/** Where a customer export lives in R2 and until when; no customer data. */
export type PrivacyExport = { key: string; bytes: number; createdAt: number; expiresAt: number; deletedAt: number | null };

/**
 * Privacy requests with their 30-day due date. Kept as proof once done: the customer identifiers in `payload` and
 * `shopify_customer_id` are scrubbed on completion (a data request's once its export is deleted), and after
 * shop/redact `tenant_id` is cleared and `shop_domain` becomes `redacted:<shop hash>` (docs/privacy.md).
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
    export: text("export", { mode: "json" }).$type<PrivacyExport>(),
    status: text("status", { enum: PRIVACY_REQUEST_STATUSES }).notNull(),
    /** What the run did, as counts per table (never identifiers), and how it ended when nothing was erased. */
    result: text("result", { mode: "json" }).$type<Record<string, unknown>>(),
    /** Runs that failed; the queue retries with backoff and the daily job sends failed requests again. */
    failures: integer("failures").notNull().default(0),
    lastError: text("last_error"),
    receivedAt: timestampMs("received_at").notNull(),
    dueAt: timestampMs("due_at").notNull(),
    /** Last time a run touched it: a `running` request untouched for an hour lost its message and is sent again. */
    updatedAt: timestampMs("updated_at"),
    completedAt: timestampMs("completed_at"),
    /** Set by the daily job when the request is 25 days old and not done; operators and the admin see it. */
    atRiskAt: timestampMs("at_risk_at"),
  },
  (t) => [index("privacy_requests_due_idx").on(t.status, t.dueAt), index("privacy_requests_tenant_idx").on(t.tenantId, t.receivedAt)],
);

/**
 * Keyed hashes (HMAC, docs/privacy.md) of every identifier of a redacted customer: customer id, e-mails, phones,
 * checkout and cart tokens, visitor ids, order ids. Data arriving later that carries one of them is dropped.
 */
export const redactedSubjectsTable = sqliteTable(
  "redacted_subjects",
  {
    tenantId: tenantId(),
    subjectHash: text("subject_hash").notNull(),
    redactedAt: timestampMs("redacted_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.subjectHash] })],
);

/** A tenant erased by shop/redact, by keyed hash of its id: queue consumers drop its messages still in flight. */
export const tenantTombstonesTable = sqliteTable("tenant_tombstones", {
  tenantHash: text("tenant_hash").primaryKey(),
  redactedAt: timestampMs("redacted_at").notNull(),
});

/**
 * A shop erased by shop/redact, by keyed hash of its domain and nothing else: deliveries received before
 * `redacted_at` are dropped, and billing (issue 15) reads whether the shop used its trial.
 */
export const shopTombstonesTable = sqliteTable("shop_tombstones", {
  shopHash: text("shop_hash").primaryKey(),
  redactedAt: timestampMs("redacted_at").notNull(),
  /** Trial days the shop had used when erased (from `billing_trials`); null when it never started one. */
  trialDaysUsed: integer("trial_days_used"),
});


/**
 * D1's own time (`meta.duration`) the ingest consumer's writes took on each database, per minute: which shard is
 * hot. Written from each consumer isolate's running sums at most once a second (control database), kept 7 days.
 */
export const shardWriteTimesTable = sqliteTable(
  "shard_write_times",
  {
    shard: text("shard").notNull(),
    /** The minute (epoch ms, UTC) the writes finished in. */
    minute: integer("minute").notNull(),
    d1Ms: real("d1_ms").notNull(),
    batches: integer("batches").notNull(),
    events: integer("events").notNull(),
  },
  (t) => [primaryKey({ columns: [t.shard, t.minute] }), index("shard_write_times_minute_idx").on(t.minute)],
);
