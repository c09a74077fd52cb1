import { and, eq, gte } from "drizzle-orm";
import { jobsTable } from "../../../db/schema/index.ts";
import { newId } from "../../../lib/ids.ts";
import type { SetupStepRun } from "../setup-steps.ts";

/** Records the install's backfill request (once per install) and hands it to the backfill queue. */
export const requestBackfill: SetupStepRun = async ({ ctx }) => {
  const installedAt = ctx.tenant.installedAt ?? ctx.tenant.createdAt;
  const existing = await ctx.db
    .select({ id: jobsTable.id })
    .from(jobsTable)
    .where(and(eq(jobsTable.tenantId, ctx.tenantId), eq(jobsTable.kind, "backfill"), gte(jobsTable.createdAt, installedAt)))
    .get();
  const jobId = existing?.id ?? newId("job");
  if (!existing) {
    await ctx.db.insert(jobsTable).values({
      id: jobId,
      tenantId: ctx.tenantId,
      kind: "backfill",
      status: "queued",
      params: { reason: "install" },
      createdAt: new Date(),
    });
  }
  // Sending again after a crash is harmless: the backfill consumer starts a queued job only once.
  await ctx.env.BACKFILL_QUEUE.send({ type: "start", tenantId: ctx.tenantId, jobId, reason: "install" });
  return { ok: true, detail: "requested" };
};
