import { isFinished, type BackfillPhase } from "../../../durable-objects/backfill-progress.ts";
import type { BackfillMessageOf } from "../../../queues/backfill-messages.ts";
import { aggregateProfilesChunk } from "./aggregate-profiles-chunk.ts";
import type { BackfillContext } from "./backfill-context.ts";
import { backfillJobStatus } from "./backfill-job.ts";
import { finishBackfillIfDone } from "./finish-backfill.ts";
import { stageBulkChunk } from "./stage-bulk-chunk.ts";
import { writeBulkChunk } from "./write-bulk-chunk.ts";

function runnerFor(phase: BackfillPhase) {
  switch (phase) {
    case "downloading":
      return stageBulkChunk;
    case "writing":
      return writeBulkChunk;
    case "aggregating":
      return aggregateProfilesChunk;
    default:
      return null;
  }
}

/**
 * Runs the chunk the message names and, while the invocation's time budget lasts, the ones after it; then hands the
 * rest to a new message. A message for a chunk already run (a duplicate, or one the watchdog resent) does nothing;
 * one whose chunk another invocation still holds retries later.
 */
export async function runBackfillChunk(args: { ctx: BackfillContext; input: BackfillMessageOf<"chunk"> }): Promise<void> {
  const { ctx, input: message } = args;
  const { jobId, resource } = message;
  const status = await backfillJobStatus({ ctx, input: { jobId } });
  if (status !== "running") {
    // Cancelled by an uninstall or replaced: its staged lines would only take up the DO's storage.
    if (status === "cancelled" || status === "failed") await ctx.tenant.clearBackfillLines(jobId);
    return;
  }
  const started = Date.now();
  let chunk = message.chunk;
  for (;;) {
    const claim = await ctx.tenant.claimBackfillChunk(jobId, resource, chunk, ctx.limits.leaseMs);
    if (!claim.ok) {
      if (claim.reason === "busy") throw new Error(`${resource} chunk ${chunk} is running elsewhere; retrying later`);
      return;
    }
    const progress = claim.progress;
    const run = runnerFor(progress.phase);
    if (!run) return;
    let next: Awaited<ReturnType<typeof run>>;
    try {
      next = await run({ ctx, input: { target: message, progress } });
    } catch (error) {
      await ctx.tenant.updateBackfill(jobId, resource, { leaseUntil: 0 }).catch(() => null);
      throw error;
    }
    if (!next) return;
    if (isFinished(next.phase)) return finishBackfillIfDone({ ctx, input: { jobId } });
    chunk = next.chunk;
    if (Date.now() - started >= ctx.limits.invocationMs) {
      await ctx.send({ type: "chunk", tenantId: ctx.tenantId, jobId, resource, chunk });
      return;
    }
  }
}
