import { and, eq, inArray } from "drizzle-orm";
import { jobsTable } from "../../db/schema/index.ts";
import { newId } from "../../lib/ids.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import type { TenantContext } from "../../context/deps.ts";
import { tenantObject } from "../../context/tenant-object.ts";
import { latestBackfillJob } from "./load-backfill-status.ts";

/** A running backfill whose progress has not moved for this long is considered dead and may be replaced. */
const STALE_MS = 30 * 60_000;

export type QueueBackfillRefusal = { reason: "already_running"; jobId: string };

/** On demand (admin or operator): records a queued backfill job and hands it to the backfill queue. */
export async function queueBackfill(args: { ctx: TenantContext; input: { reason: "manual" | "operator" } }): Promise<Result<{ jobId: string }, QueueBackfillRefusal>> {
  const { ctx, input } = args;
  const { reason } = input;
  const now = Date.now();
  const latest = await latestBackfillJob({ ctx });
  if (latest && (latest.status === "queued" || latest.status === "running")) {
    const state = await tenantObject(ctx.env, ctx.tenantId).backfillState();
    const lastMove = state?.jobId === latest.id ? Math.max(...Object.values(state.resources).map((r) => r.updatedAt)) : Date.parse(latest.createdAt);
    if (now - lastMove < STALE_MS) return err({ reason: "already_running", jobId: latest.id });
    await ctx.db
      .update(jobsTable)
      .set({ status: "failed", error: "stalled; replaced by a new backfill", finishedAt: new Date(now) })
      .where(and(eq(jobsTable.id, latest.id), eq(jobsTable.tenantId, ctx.tenantId), inArray(jobsTable.status, ["queued", "running"])));
  }
  const jobId = newId("job", now);
  await ctx.db.insert(jobsTable).values({ id: jobId, tenantId: ctx.tenantId, kind: "backfill", status: "queued", params: { reason }, createdAt: new Date(now) });
  await ctx.env.BACKFILL_QUEUE.send({ type: "start", tenantId: ctx.tenantId, jobId, reason });
  return ok({ jobId });
}
