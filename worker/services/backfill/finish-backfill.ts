import { isFinished } from "../../../durable-objects/backfill-progress.ts";
import { BACKFILL_RESOURCES } from "../../../queues/backfill-messages.ts";
import type { BackfillContext } from "./backfill-context.ts";
import { scoreChangedProducts } from "../catalog/score-changed-products.ts";
import { finishBackfillJob } from "./backfill-job.ts";

const FIRST_SCORING_LIMIT = 500;

/** Closes the job once every resource is done or failed: counts go to `jobs.result`, staged lines are dropped. */
export async function finishBackfillIfDone(args: { ctx: BackfillContext; input: { jobId: string } }): Promise<void> {
  const { ctx, input } = args;
  const { jobId } = input;
  const state = await ctx.tenant.backfillState();
  if (state?.jobId !== jobId) return;
  const progress = BACKFILL_RESOURCES.map((resource) => ({ resource, ...state.resources[resource] }));
  if (!progress.every((p) => isFinished(p.phase))) return;
  const failed = progress.filter((p) => p.phase === "failed");
  const result = {
    ordersDays: state.ordersDays,
    resources: Object.fromEntries(progress.map((p) => [p.resource, { phase: p.phase, rowsSeen: p.rowsSeen, rowsWritten: p.rowsWritten, skipped: p.skipped }])),
  };
  const error = failed.length > 0 ? failed.map((p) => `${p.resource}: ${p.error?.message ?? "failed"}`).join(" ") : null;
  // A fresh catalog gets its AI readability scores before the job reads as finished, rather than at the next
  // nightly run (which scores the rest of a large one). Scoring twice after a race scores nothing twice.
  const scored = await scoreChangedProducts({ ctx, input: { limit: FIRST_SCORING_LIMIT } });
  const finished = await finishBackfillJob({ ctx, input: { jobId, outcome: { status: failed.length > 0 ? "failed" : "succeeded", result, error }, now: Date.now() } });
  await ctx.tenant.clearBackfillLines(jobId);
  if (finished) ctx.log.info("backfill finished", { tenant: ctx.tenantId, job: jobId, failed: failed.map((p) => p.resource), productsScored: scored.scored });
}
