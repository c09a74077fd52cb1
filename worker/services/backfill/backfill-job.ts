import { and, eq } from "drizzle-orm";
import { jobsTable } from "../../db/schema/index.ts";
import type { TenantContext } from "../../context/deps.ts";

export type BackfillJobStatus = (typeof jobsTable.$inferSelect)["status"];

/** `queued` → `running` once; a redelivered `start` of a running job resumes it, a finished or cancelled one stays so. */
export async function claimBackfillJob(args: { ctx: TenantContext; input: { jobId: string; now: number } }): Promise<boolean> {
  const { ctx, input } = args;
  const { jobId, now } = input;
  const claimed = await ctx.db
    .update(jobsTable)
    .set({ status: "running", startedAt: new Date(now) })
    .where(and(eq(jobsTable.id, jobId), eq(jobsTable.tenantId, ctx.tenantId), eq(jobsTable.kind, "backfill"), eq(jobsTable.status, "queued")))
    .returning({ id: jobsTable.id });
  return claimed.length > 0 || (await backfillJobStatus({ ctx, input: { jobId } })) === "running";
}

export async function backfillJobStatus(args: { ctx: TenantContext; input: { jobId: string } }): Promise<BackfillJobStatus | null> {
  const { ctx, input } = args;
  const row = await ctx.db
    .select({ status: jobsTable.status })
    .from(jobsTable)
    .where(and(eq(jobsTable.id, input.jobId), eq(jobsTable.tenantId, ctx.tenantId)))
    .get();
  return row?.status ?? null;
}

/** Only a running job finishes: an uninstall that cancelled it meanwhile keeps `cancelled`. */
export async function finishBackfillJob(args: {
  ctx: TenantContext;
  input: { jobId: string; outcome: { status: "succeeded" | "failed"; result: Record<string, unknown>; error: string | null }; now: number };
}): Promise<boolean> {
  const { ctx, input } = args;
  const { jobId, outcome, now } = input;
  const finished = await ctx.db
    .update(jobsTable)
    .set({ status: outcome.status, result: outcome.result, error: outcome.error, finishedAt: new Date(now) })
    .where(and(eq(jobsTable.id, jobId), eq(jobsTable.tenantId, ctx.tenantId), eq(jobsTable.status, "running")))
    .returning({ id: jobsTable.id });
  return finished.length > 0;
}
