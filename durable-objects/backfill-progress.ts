import { BACKFILL_RESOURCES, type BackfillResource } from "../queues/backfill-messages.ts";

/**
 * `exporting`: Shopify builds the JSONL file; `downloading`: its lines are staged here; `writing`: records go to D1;
 * `aggregating` (orders only): profile totals are recomputed from the orders, once, at the end.
 */
export type BackfillPhase = "pending" | "exporting" | "downloading" | "writing" | "aggregating" | "done" | "failed";

export type BackfillFailure = { message: string; action: string };

export type ResourceProgress = {
  phase: BackfillPhase;
  /** Window start in ms; null = every record (customers and products are state, not history). */
  since: number | null;
  operationId: string | null;
  url: string | null;
  fileSize: number | null;
  objectCount: number | null;
  rootObjectCount: number | null;
  /** The next chunk to run; it counts up across the download and write phases. */
  chunk: number;
  /** Download cursor: bytes and lines of the file already staged. */
  offset: number;
  line: number;
  /** Write cursor: the last staged root line written to D1; aggregate cursor: the last profile id recomputed. */
  afterSeq: number;
  afterProfile: string;
  leaseUntil: number;
  rowsSeen: number;
  rowsWritten: number;
  skipped: number;
  error: BackfillFailure | null;
  exportStartedAt: number | null;
  downloadStartedAt: number | null;
  writeStartedAt: number | null;
  finishedAt: number | null;
  updatedAt: number;
};

export type BackfillState = {
  jobId: string;
  reason: string;
  startedAt: number;
  ordersDays: 60 | 90;
  resources: Record<BackfillResource, ResourceProgress>;
};

export type ChunkClaim = { ok: true; progress: ResourceProgress } | { ok: false; reason: "finished" | "stale" | "busy" | "not_started" };

export function newBackfillState(init: Omit<BackfillState, "resources">, since: Record<BackfillResource, number | null>): BackfillState {
  const blank = (resource: BackfillResource): ResourceProgress => ({
    phase: "pending",
    since: since[resource],
    operationId: null,
    url: null,
    fileSize: null,
    objectCount: null,
    rootObjectCount: null,
    chunk: 0,
    offset: 0,
    line: 0,
    afterSeq: -1,
    afterProfile: "",
    leaseUntil: 0,
    rowsSeen: 0,
    rowsWritten: 0,
    skipped: 0,
    error: null,
    exportStartedAt: null,
    downloadStartedAt: null,
    writeStartedAt: null,
    finishedAt: null,
    updatedAt: init.startedAt,
  });
  return { ...init, resources: Object.fromEntries(BACKFILL_RESOURCES.map((r) => [r, blank(r)])) as Record<BackfillResource, ResourceProgress> };
}

export function isFinished(phase: BackfillPhase): boolean {
  return phase === "done" || phase === "failed";
}

/** Phases that run as chunks through the backfill queue. */
export function isChunked(phase: BackfillPhase): boolean {
  return phase === "downloading" || phase === "writing" || phase === "aggregating";
}

/** One runner per chunk at a time: a duplicate or late message for a chunk already run, or being run, does nothing. */
export function claimChunk(progress: ResourceProgress, chunk: number, now: number, leaseMs: number): ChunkClaim {
  if (isFinished(progress.phase)) return { ok: false, reason: "finished" };
  if (!isChunked(progress.phase)) return { ok: false, reason: "not_started" };
  if (chunk !== progress.chunk) return { ok: false, reason: "stale" };
  if (progress.leaseUntil > now) return { ok: false, reason: "busy" };
  return { ok: true, progress: { ...progress, leaseUntil: now + leaseMs, updatedAt: now } };
}

/** Applies a chunk's outcome only if the cursor still points at that chunk, and moves the cursor past it. */
export function commitChunk(progress: ResourceProgress, chunk: number, update: Partial<ResourceProgress>, now: number): ResourceProgress | null {
  if (progress.chunk !== chunk || isFinished(progress.phase)) return null;
  return { ...progress, ...update, chunk: chunk + 1, leaseUntil: 0, updatedAt: now };
}
