import { and, asc, eq, isNull, lt, lte, or, sql } from "drizzle-orm";
import { forShard, type ShardContext } from "../context/for-shard.ts";
import { segmentsTable } from "../db/schema/index.ts";
import { inJsonValues } from "../db/sql-json.ts";
import { errorMessage } from "../lib/log.ts";
import { recomputeSegment } from "../services/segments/recompute-segment.ts";
import { activeTenantsByShard } from "./list-active-tenants.ts";
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

type Due = { segment: typeof segmentsTable.$inferSelect; round: number; backlog: number; staleness: number };

/**
 * Due segments of these tenants on one shard, in rounds: every tenant's stalest one, then every tenant's second, and
 * so on, up to the caps; within a round, tenants with the shorter backlog go first, so a tenant with many due
 * segments never goes before them.
 */
function dueOnShard(shard: ShardContext, tenantIds: readonly string[], now: Date): Promise<Due[]> {
  const staleness = sql<number>`coalesce(${segmentsTable.lastComputedAt}, 0)`;
  const due = shard.db
    .select({
      id: segmentsTable.id,
      staleness: staleness.as("staleness"),
      round: sql<number>`row_number() over (partition by ${segmentsTable.tenantId} order by ${staleness}, ${segmentsTable.id})`.as("round"),
      backlog: sql<number>`count(*) over (partition by ${segmentsTable.tenantId})`.as("backlog"),
    })
    .from(segmentsTable)
    .where(
      and(
        inJsonValues(segmentsTable.tenantId, tenantIds),
        isNull(segmentsTable.deletedAt),
        or(isNull(segmentsTable.lastComputedAt), lt(segmentsTable.lastComputedAt, new Date(now.getTime() - STALE_AFTER_MS))),
      ),
    )
    .as("due");
  return shard.db
    .select({ segment: segmentsTable, round: due.round, backlog: due.backlog, staleness: due.staleness })
    .from(segmentsTable)
    .innerJoin(due, eq(due.id, segmentsTable.id))
    .where(lte(due.round, MAX_SEGMENTS_PER_TENANT))
    .orderBy(asc(due.round), asc(due.backlog), asc(due.staleness), asc(segmentsTable.id))
    .limit(MAX_SEGMENTS_PER_RUN);
}

/** The rounds of every shard merged in the same order, so fairness holds across shards as on one database. */
async function dueSegments(deps: Parameters<CronJob>[0], now: Date): Promise<Due[]> {
  const byShard = await activeTenantsByShard(deps);
  const perShard = await Promise.all([...byShard].map(([name, tenantIds]) => dueOnShard(forShard(deps, name), tenantIds, now)));
  return perShard
    .flat()
    .sort((a, b) => a.round - b.round || a.backlog - b.backlog || a.staleness - b.staleness || (a.segment.id < b.segment.id ? -1 : a.segment.id > b.segment.id ? 1 : 0))
    .slice(0, MAX_SEGMENTS_PER_RUN);
}

/** Recomputes the stalest segments of active tenants on every shard, fairly; one failing segment is logged and does not stop the others. */
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
