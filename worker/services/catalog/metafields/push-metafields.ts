import { and, count, eq, isNull } from "drizzle-orm";
import { jobsTable, productsTable } from "../../../db/schema/index.ts";
import type { AdminContext } from "../../../context/admin-context.ts";
import { runStatements } from "../../../db/run-statements.ts";
import { claimPushJob, progressOf, pushProgressUpdate, savePushProgress, type PushRunEnd } from "./push-job.ts";
import { PushStream, type DigestRow } from "./push-stream.ts";
import { METAFIELDS_PER_SET, pushedDigestsUpdates, sendMetafields, SETS_PER_CALL } from "./send-metafields.ts";

export type PushMetafieldsInput = { jobId: string; holder: string; now: number; budgetMs: number; pageSize?: number };
/** `continue`: the budget ran out with products left; `busy`: another run holds the job; `retry`: Shopify failed for now. */
export type PushMetafieldsRun = { outcome: "done" | "continue" | "busy" } | { outcome: "retry"; message: string };

const PAGE_SIZE = 500;
const PER_CALL = METAFIELDS_PER_SET * SETS_PER_CALL;
// Longer than one run can take, waiting out Shopify's throttle included, so a live run keeps its job.
const LEASE_MS = 10 * 60_000;
const MAX_ERROR_SAMPLES = 5;
const TRANSIENT = new Set(["unavailable", "graphql"]);

/**
 * One bounded run of a metafield push job: page by page through the catalog in id order, scores what changed since
 * its last score, then writes the `$app:segops` metafields whose values differ from what was last confirmed
 * (`metafields_digest`), full calls across page ends. While a call is in flight (or waits on the cost bucket) the
 * previous call's digests and the job's progress are written in one batch and the next page is read, so the push
 * keeps pace with Shopify's restore rate. The cursor moves past a page once all its metafields are settled, in the
 * batch that records the last of them, so a run that stops anywhere resumes without writing anything twice.
 */
export async function pushMetafields(args: { ctx: AdminContext; input: PushMetafieldsInput }): Promise<PushMetafieldsRun> {
  const { ctx, input } = args;
  const job = await claimPushJob({ ctx, input: { jobId: input.jobId, holder: input.holder, now: input.now, leaseMs: LEASE_MS } });
  if (!job) {
    const row = await ctx.db.select({ status: jobsTable.status }).from(jobsTable).where(and(eq(jobsTable.tenantId, ctx.tenantId), eq(jobsTable.id, input.jobId))).get();
    return row && (row.status === "queued" || row.status === "running") ? { outcome: "busy" } : { outcome: "done" };
  }
  const progress = progressOf(job);
  if (progress.cursor === null && progress.seen === 0) progress.total = await countLiveProducts(ctx);
  const saving = { jobId: job.id, holder: input.holder };
  const stream = new PushStream(ctx, progress, input.pageSize ?? PAGE_SIZE);
  // One write at a time, in order; each carries the progress as it was when it was queued.
  let writing: Promise<void> = Promise.resolve();
  let cursorWritten = progress.cursor;
  const write = (rows: readonly DigestRow[]) => {
    cursorWritten = progress.cursor;
    const statements = [...pushedDigestsUpdates({ ctx, input: { rows, now: Date.now() } }), pushProgressUpdate({ ctx, input: { ...saving, progress: { ...progress, errorSamples: [...progress.errorSamples] } } })];
    writing = writing.then(() => runStatements(ctx.d1, statements));
    writing.catch(() => undefined);
  };
  const stop = async (end: PushRunEnd | "release") => {
    await stream.idle();
    await writing;
    await savePushProgress({ ctx, input: { ...saving, progress, ...(end === "release" ? { release: true } : { finished: end }) } });
  };

  const started = Date.now();
  const callsBefore = progress.calls;
  for (;;) {
    const batch = await stream.next(PER_CALL);
    if (progress.cursor !== cursorWritten) write([]);
    if (batch.length === 0) {
      await stop({ status: "succeeded", at: Date.now() });
      return { outcome: "done" };
    }
    // Every run makes at least one call, so a run that always starts late still moves the job on.
    if (progress.calls > callsBefore && Date.now() - started >= input.budgetMs) {
      await stop("release");
      return { outcome: "continue" };
    }
    const sent = await sendMetafields({ ctx, input: { batch } });
    await writing;
    if (!sent.ok) {
      const transient = TRANSIENT.has(sent.error.kind);
      await stop(transient ? "release" : { status: "failed", error: sent.error.message, at: Date.now() });
      return transient ? { outcome: "retry", message: sent.error.message } : { outcome: "done" };
    }
    progress.calls++;
    progress.cost += sent.value.sets * 10;
    for (const { pending: failed, message } of sent.value.failed) {
      progress.errors++;
      if (progress.errorSamples.length < MAX_ERROR_SAMPLES) progress.errorSamples.push(`product ${failed.shopifyProductId} ${failed.value.key}: ${message}`);
    }
    write(stream.settle(sent.value));
  }
}

async function countLiveProducts(ctx: AdminContext): Promise<number> {
  const row = await ctx.db.select({ n: count() }).from(productsTable).where(and(eq(productsTable.tenantId, ctx.tenantId), isNull(productsTable.deletedAt))).get();
  return row?.n ?? 0;
}
