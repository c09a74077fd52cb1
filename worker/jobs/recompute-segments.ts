import { and, asc, eq, isNull, lt, or, sql } from "drizzle-orm";
import { segmentsTable, tenantsTable } from "../db/schema/index.ts";
import { errorMessage } from "../lib/log.ts";
import { recomputeSegment } from "../services/segments/recompute-segment.ts";
import type { CronJob } from "./types.ts";
import { forTenant } from "../context/deps.ts";

// Every 15 minutes: a segment computed within the last 14 is left for the next run.
const STALE_AFTER_MS = 14 * 60_000;
// Bounded work per invocation (D1 queries, wall time); the stalest go first, the rest wait one run.
const MAX_SEGMENTS_PER_RUN = 50;
const TIME_BUDGET_MS = 25_000;

/** Recomputes the stalest segments of active tenants; one failing segment is logged and does not stop the others. */
export const recomputeSegments: CronJob = async (deps, now) => {
  const started = Date.now();
  const due = await deps.db
    .select({ segment: segmentsTable })
    .from(segmentsTable)
    .innerJoin(tenantsTable, eq(tenantsTable.id, segmentsTable.tenantId))
    .where(
      and(
        eq(tenantsTable.status, "active"),
        isNull(segmentsTable.deletedAt),
        or(isNull(segmentsTable.lastComputedAt), lt(segmentsTable.lastComputedAt, new Date(now.getTime() - STALE_AFTER_MS))),
      ),
    )
    .orderBy(asc(sql`coalesce(${segmentsTable.lastComputedAt}, 0)`))
    .limit(MAX_SEGMENTS_PER_RUN);
  const counts = { due: due.length, recomputed: 0, changed: 0, failed: 0 };
  for (const { segment } of due) {
    if (Date.now() - started > TIME_BUDGET_MS) break;
    try {
      const outcome = await recomputeSegment({ ctx: forTenant(deps, segment.tenantId), input: { segment } });
      if (!outcome.ok) throw new Error(outcome.error.message);
      counts.recomputed++;
      if (outcome.value.entered + outcome.value.left > 0) counts.changed++;
    } catch (error) {
      counts.failed++;
      deps.log.error("segment recompute failed", { tenant: segment.tenantId, segment: segment.id, error: errorMessage(error) });
    }
  }
  return counts;
};
