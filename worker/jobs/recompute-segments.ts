import { and, asc, eq, isNull, lt, lte, or, sql } from "drizzle-orm";
import { segmentsTable, tenantsTable } from "../db/schema/index.ts";
import { errorMessage } from "../lib/log.ts";
import { recomputeSegment } from "../services/segments/recompute-segment.ts";
import type { CronJob } from "./types.ts";
import { forCronTenant } from "./for-cron-tenant.ts";

// Every 15 minutes: a segment computed within the last 14 is left for the next run.
const STALE_AFTER_MS = 14 * 60_000;
// Bounded work per invocation (D1 queries, wall time); what is left waits one run, stalest first.
const MAX_SEGMENTS_PER_RUN = 50;
const TIME_BUDGET_MS = 25_000;
// Fairness: a tenant gets at most this many segments and this much time per run, so one large tenant cannot
// hold back the others; its remaining segments stay the stalest and lead the next run.
const MAX_SEGMENTS_PER_TENANT = 5;
const TENANT_TIME_BUDGET_MS = 5_000;

/**
 * Due segments in rounds: every tenant's stalest one, then every tenant's second, and so on, up to the caps; within
 * a round, tenants with the shorter backlog go first, so a tenant with many due segments never goes before them.
 */
function dueSegments(deps: Parameters<CronJob>[0], now: Date) {
  const staleness = sql<number>`coalesce(${segmentsTable.lastComputedAt}, 0)`;
  const due = deps.db
    .select({
      id: segmentsTable.id,
      staleness: staleness.as("staleness"),
      round: sql<number>`row_number() over (partition by ${segmentsTable.tenantId} order by ${staleness}, ${segmentsTable.id})`.as("round"),
      backlog: sql<number>`count(*) over (partition by ${segmentsTable.tenantId})`.as("backlog"),
    })
    .from(segmentsTable)
    .innerJoin(tenantsTable, eq(tenantsTable.id, segmentsTable.tenantId))
    .where(
      and(
        eq(tenantsTable.status, "active"),
        isNull(segmentsTable.deletedAt),
        or(isNull(segmentsTable.lastComputedAt), lt(segmentsTable.lastComputedAt, new Date(now.getTime() - STALE_AFTER_MS))),
      ),
    )
    .as("due");
  return deps.db
    .select({ segment: segmentsTable })
    .from(segmentsTable)
    .innerJoin(due, eq(due.id, segmentsTable.id))
    .where(lte(due.round, MAX_SEGMENTS_PER_TENANT))
    .orderBy(asc(due.round), asc(due.backlog), asc(due.staleness), asc(segmentsTable.id))
    .limit(MAX_SEGMENTS_PER_RUN);
}

/** Recomputes the stalest segments of active tenants, fairly; one failing segment is logged and does not stop the others. */
export const recomputeSegments: CronJob = async (deps, now) => {
  const started = Date.now();
  const due = await dueSegments(deps, now);
  const counts = { due: due.length, recomputed: 0, changed: 0, failed: 0, deferred: 0 };
  const spentByTenant = new Map<string, number>();
  for (const { segment } of due) {
    const spent = spentByTenant.get(segment.tenantId) ?? 0;
    if (Date.now() - started > TIME_BUDGET_MS || spent > TENANT_TIME_BUDGET_MS) {
      counts.deferred++;
      continue;
    }
    const segmentStarted = Date.now();
    try {
      const ctx = await forCronTenant(deps, segment.tenantId);
      if (!ctx) {
        counts.deferred++;
        continue;
      }
      const outcome = await recomputeSegment({ ctx, input: { segment } });
      if (!outcome.ok) throw new Error(outcome.error.message);
      counts.recomputed++;
      if (outcome.value.entered + outcome.value.left > 0) counts.changed++;
    } catch (error) {
      counts.failed++;
      deps.log.error("segment recompute failed", { tenant: segment.tenantId, segment: segment.id, error: errorMessage(error) });
    }
    spentByTenant.set(segment.tenantId, spent + Date.now() - segmentStarted);
  }
  return counts;
};
