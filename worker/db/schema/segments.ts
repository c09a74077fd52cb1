import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, tenantId, timestampMs, updatedAt } from "./columns.ts";

export const segmentsTable = sqliteTable(
  "segments",
  {
    id: text("id").primaryKey(),
    tenantId: tenantId(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    kind: text("kind", { enum: ["customer", "product"] }).notNull(),
    query: text("query").notNull(),
    queryJson: text("query_json", { mode: "json" }).$type<unknown>().notNull(),
    pushMode: text("push_mode", { enum: ["none", "tags", "native"] }).notNull().default("none"),
    nativeSegmentGid: text("native_segment_gid"),
    suggestion: text("suggestion"),
    memberCount: integer("member_count").notNull().default(0),
    lastComputedAt: timestampMs("last_computed_at"),
    lastPushAt: timestampMs("last_push_at"),
    lastPushResult: text("last_push_result", { mode: "json" }).$type<Record<string, unknown>>(),
    /** The push run (queue message id) that holds this segment until `push_claimed_until`: one push at a time. */
    pushClaim: text("push_claim"),
    pushClaimedUntil: timestampMs("push_claimed_until"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: timestampMs("deleted_at"),
  },
  (t) => [uniqueIndex("segments_slug_idx").on(t.tenantId, t.slug)],
);

/** Membership history: a row per stay in a segment; `left_at` is null while the member is in. */
export const segmentMembershipsTable = sqliteTable(
  "segment_memberships",
  {
    tenantId: tenantId(),
    segmentId: text("segment_id").notNull(),
    memberId: text("member_id").notNull(),
    enteredAt: timestampMs("entered_at").notNull(),
    leftAt: timestampMs("left_at"),
  },
  (t) => [
    primaryKey({ columns: [t.segmentId, t.memberId, t.enteredAt] }),
    index("segment_memberships_current_idx").on(t.tenantId, t.segmentId, t.leftAt, t.memberId),
    index("segment_memberships_entered_idx").on(t.tenantId, t.segmentId, t.enteredAt),
    // A shopper's current segments (storefront personalisation) without scanning every segment's members.
    index("segment_memberships_member_idx").on(t.tenantId, t.memberId).where(sql`left_at is null`),
  ],
);

/** Size after each recompute, for the membership-over-time chart. */
export const segmentSizesTable = sqliteTable(
  "segment_sizes",
  {
    tenantId: tenantId(),
    segmentId: text("segment_id").notNull(),
    computedAt: timestampMs("computed_at").notNull(),
    size: integer("size").notNull(),
    entered: integer("entered").notNull(),
    left: integer("left").notNull(),
  },
  (t) => [primaryKey({ columns: [t.segmentId, t.computedAt] })],
);

/** Customers that currently carry our `segops:<slug>` tag in Shopify, so a push sends only the diff. */
export const segmentTagsTable = sqliteTable(
  "segment_tags",
  {
    tenantId: tenantId(),
    segmentId: text("segment_id").notNull(),
    profileId: text("profile_id").notNull(),
    tag: text("tag").notNull(),
    pushedAt: timestampMs("pushed_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.segmentId, t.profileId] }), index("segment_tags_tenant_idx").on(t.tenantId, t.profileId)],
);

/** Shopify Flow: which triggers have an enabled workflow (lifecycle callback), and action runs already handled. */
export const flowTriggersTable = sqliteTable(
  "flow_triggers",
  {
    tenantId: tenantId(),
    handle: text("handle").notNull(),
    enabled: integer("enabled", { mode: "boolean" }).notNull(),
    definitionId: text("definition_id"),
    lifecycleAt: timestampMs("lifecycle_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.handle] })],
);

export const flowActionRunsTable = sqliteTable("flow_action_runs", {
  actionRunId: text("action_run_id").primaryKey(),
  tenantId: tenantId(),
  handle: text("handle").notNull(),
  /** `running` while the first delivery executes it; a retry meanwhile is told to come back (429). */
  status: text("status", { enum: ["running", "succeeded", "failed"] }).notNull(),
  result: text("result", { mode: "json" }).$type<Record<string, unknown>>(),
  createdAt: createdAt(),
});
