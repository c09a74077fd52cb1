import { isChunked, type BackfillFailure, type BackfillPhase, type BackfillState, type ResourceProgress } from "../../../durable-objects/backfill-progress.ts";
import { BACKFILL_RESOURCES, type BackfillResource } from "../../../queues/backfill-messages.ts";
import type { BackfillJobStatus } from "./backfill-job.ts";
import { ordersWindowNotice } from "./backfill-window.ts";
import { RESOURCE_LABELS } from "./resource-queries.ts";

export type BackfillJobView = {
  id: string;
  status: BackfillJobStatus;
  reason: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
};

export type BackfillResourceView = {
  resource: BackfillResource;
  label: string;
  phase: BackfillPhase;
  since: string | null;
  rowsSeen: number;
  rowsWritten: number;
  skipped: number;
  expectedRows: number | null;
  percent: number;
  etaSeconds: number | null;
  error: BackfillFailure | null;
  downloadStartedAt: string | null;
  writeStartedAt: string | null;
  finishedAt: string | null;
};

export type BackfillView = {
  job: BackfillJobView | null;
  running: boolean;
  ordersDays: number | null;
  /** Plain words when orders stop at 60 days: "orders: last 60 days — grant read_all_orders for 90". */
  notice: string | null;
  percent: number;
  etaSeconds: number | null;
  resources: BackfillResourceView[];
};

// Shopify's export is a black box, so it counts as the first 5 %; downloading is 25 %, writing 65 %, totals the rest.
function percentOf(progress: ResourceProgress): number {
  switch (progress.phase) {
    case "pending":
      return 0;
    case "exporting":
      return 5;
    case "downloading":
      return 5 + Math.floor((25 * progress.offset) / Math.max(1, progress.fileSize ?? 1));
    case "writing":
      return 30 + Math.floor((65 * progress.rowsWritten) / Math.max(1, progress.rootObjectCount ?? 1));
    case "aggregating":
      return 95;
    case "done":
      return 100;
    case "failed":
      return 0;
  }
}

function etaOf(progress: ResourceProgress, percent: number, now: number): number | null {
  if (!isChunked(progress.phase) || progress.exportStartedAt === null || percent <= 5) return null;
  const elapsed = (now - progress.exportStartedAt) / 1000;
  return Math.ceil((elapsed * (100 - percent)) / percent);
}

const iso = (ms: number | null | undefined) => (ms == null ? null : new Date(ms).toISOString());

function resourceView(resource: BackfillResource, progress: ResourceProgress | null, now: number): BackfillResourceView {
  const percent = progress ? Math.min(100, percentOf(progress)) : 0;
  return {
    resource,
    label: RESOURCE_LABELS[resource],
    phase: progress?.phase ?? "pending",
    since: iso(progress?.since),
    rowsSeen: progress?.rowsSeen ?? 0,
    rowsWritten: progress?.rowsWritten ?? 0,
    skipped: progress?.skipped ?? 0,
    expectedRows: progress?.rootObjectCount ?? null,
    percent,
    etaSeconds: progress ? etaOf(progress, percent, now) : null,
    error: progress?.error ?? null,
    downloadStartedAt: iso(progress?.downloadStartedAt),
    writeStartedAt: iso(progress?.writeStartedAt),
    finishedAt: iso(progress?.finishedAt),
  };
}

/** The dashboard's view of the latest backfill: the DO's progress when it belongs to that job, else all pending. */
export function describeBackfill(job: BackfillJobView | null, state: BackfillState | null, pendingOrdersDays: number, now: number): BackfillView {
  const current = job && state?.jobId === job.id ? state : null;
  const resources = BACKFILL_RESOURCES.map((resource) => resourceView(resource, current?.resources[resource] ?? null, now));
  const ordersDays = current?.ordersDays ?? pendingOrdersDays;
  const etas = resources.flatMap((r) => (r.etaSeconds === null ? [] : [r.etaSeconds]));
  const running = job?.status === "queued" || job?.status === "running";
  return {
    job,
    running,
    ordersDays,
    notice: ordersWindowNotice(ordersDays),
    percent: job?.status === "succeeded" ? 100 : Math.floor(resources.reduce((sum, r) => sum + r.percent, 0) / resources.length),
    etaSeconds: running && etas.length > 0 ? Math.max(...etas) : null,
    resources,
  };
}
