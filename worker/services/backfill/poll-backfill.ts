import { isChunked, type ResourceProgress } from "../../../durable-objects/backfill-progress.ts";
import type { BackfillMessageOf } from "../../../queues/backfill-messages.ts";
import type { BackfillContext } from "./backfill-context.ts";
import { adminFailure, exportFailure } from "./backfill-failures.ts";
import { backfillJobStatus } from "./backfill-job.ts";
import { finishBackfillIfDone } from "./finish-backfill.ts";
import { RESOURCE_LABELS } from "./resource-queries.ts";

const OPERATION = `query BulkExport($id: ID!) {
  node(id: $id) { ... on BulkOperation { id status errorCode url objectCount rootObjectCount fileSize } }
}`;

type OperationData = {
  node: { status: string; errorCode: string | null; url: string | null; objectCount: string; rootObjectCount: string; fileSize: string | null } | null;
};

const WATCH_SECONDS = 60;
const STALLED_MS = 2 * 60_000;

/** The fallback when `bulk_operations/finish` is late or lost: 2 s, 4 s, … up to 5 minutes between polls. */
export function pollDelaySeconds(attempt: number): number {
  return Math.min(2 ** (attempt + 1), 300);
}

/**
 * Exporting: asks Shopify how the export is doing and, once complete, starts the chunk chain (exactly once, by a
 * phase check in the DO). Downloading or writing: a watchdog that restarts a chain whose next message was lost.
 */
export async function pollBackfill(args: { ctx: BackfillContext; input: BackfillMessageOf<"poll"> }): Promise<void> {
  const { ctx, input: message } = args;
  if ((await backfillJobStatus({ ctx, input: { jobId: message.jobId } })) !== "running") return;
  const state = await ctx.tenant.backfillState();
  if (state?.jobId !== message.jobId) return;
  const progress = state.resources[message.resource];
  if (progress.phase === "exporting") return checkExport(ctx, message, progress);
  if (!isChunked(progress.phase)) return;
  const stalled = Date.now() - progress.updatedAt > STALLED_MS && progress.leaseUntil < Date.now();
  if (stalled) {
    ctx.log.warn("backfill chain restarted", { tenant: ctx.tenantId, job: message.jobId, resource: message.resource, chunk: progress.chunk });
    await ctx.send({ type: "chunk", tenantId: ctx.tenantId, jobId: message.jobId, resource: message.resource, chunk: progress.chunk });
  }
  await ctx.send({ ...message, attempt: message.attempt + 1 }, { delaySeconds: WATCH_SECONDS });
}

async function checkExport(ctx: BackfillContext, message: BackfillMessageOf<"poll">, progress: ResourceProgress): Promise<void> {
  const { jobId, resource } = message;
  const what = RESOURCE_LABELS[resource];
  const read = await ctx.admin.request<OperationData>(OPERATION, { id: progress.operationId });
  if (!read.ok) {
    if (read.error.kind === "unavailable") throw new Error(`Shopify is unavailable: ${read.error.message}`);
    await fail(ctx, jobId, resource, adminFailure(what, read.error));
    return;
  }
  const operation = read.value.node;
  if (!operation) return fail(ctx, jobId, resource, exportFailure(what, "EXPIRED", null));
  if (operation.status === "CREATED" || operation.status === "RUNNING") {
    await ctx.send({ ...message, attempt: message.attempt + 1 }, { delaySeconds: pollDelaySeconds(message.attempt + 1) });
    return;
  }
  if (operation.status !== "COMPLETED") return fail(ctx, jobId, resource, exportFailure(what, operation.status, operation.errorCode));
  const counts = { objectCount: Number(operation.objectCount), rootObjectCount: Number(operation.rootObjectCount), fileSize: Number(operation.fileSize ?? 0) };
  if (operation.url === null) {
    // An export that matched nothing has no file.
    await ctx.tenant.updateBackfill(jobId, resource, { ...counts, phase: "done", finishedAt: Date.now() }, "exporting");
    return finishBackfillIfDone({ ctx, input: { jobId } });
  }
  const downloading = await ctx.tenant.updateBackfill(jobId, resource, { ...counts, phase: "downloading", url: operation.url, downloadStartedAt: Date.now() }, "exporting");
  if (!downloading) return;
  await ctx.send({ type: "chunk", tenantId: ctx.tenantId, jobId, resource, chunk: downloading.chunk });
  await ctx.send({ ...message, attempt: 0 }, { delaySeconds: WATCH_SECONDS });
}

async function fail(ctx: BackfillContext, jobId: string, resource: BackfillMessageOf<"poll">["resource"], error: ResourceProgress["error"]): Promise<void> {
  await ctx.tenant.updateBackfill(jobId, resource, { phase: "failed", error, finishedAt: Date.now() });
  await finishBackfillIfDone({ ctx, input: { jobId } });
}

