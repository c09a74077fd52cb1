import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { jobsTable } from "../../../db/schema/index.ts";
import { runStatements } from "../../../db/run-statements.ts";
import type { TenantContext } from "../../../context/deps.ts";

/** What a metafield push job keeps in `jobs.result` while it runs and after: its cursor, counts and lease. */
export type PushProgress = {
  /** The last product id of the last page finished; the next run starts after it. */
  cursor: string | null;
  total: number;
  seen: number;
  scored: number;
  products: number;
  metafields: number;
  calls: number;
  /** Shopify points the job's calls asked for (requested cost), for the throughput check. */
  cost: number;
  errors: number;
  errorSamples: string[];
  holder?: string | null;
  leaseUntil?: number | null;
};

export type PushJobView = {
  id: string;
  status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
  reason: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  total: number;
  seen: number;
  productsWritten: number;
  metafieldsWritten: number;
  errors: number;
  errorSamples: string[];
  error: string | null;
};

export type PushJobRow = typeof jobsTable.$inferSelect;

export const EMPTY_PROGRESS: PushProgress = { cursor: null, total: 0, seen: 0, scored: 0, products: 0, metafields: 0, calls: 0, cost: 0, errors: 0, errorSamples: [] };

export function progressOf(row: PushJobRow): PushProgress {
  return { ...EMPTY_PROGRESS, ...(row.result as Partial<PushProgress> | null) };
}

export function pushJobView(row: PushJobRow): PushJobView {
  const progress = progressOf(row);
  return {
    id: row.id,
    status: row.status,
    reason: typeof row.params.reason === "string" ? row.params.reason : "manual",
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    total: progress.total,
    seen: progress.seen,
    productsWritten: progress.products,
    metafieldsWritten: progress.metafields,
    errors: progress.errors,
    errorSamples: progress.errorSamples,
    error: row.error,
  };
}

/** The tenant's metafield push that is queued or running, if any. */
export async function openPushJob(args: { ctx: TenantContext }): Promise<PushJobRow | undefined> {
  const { ctx } = args;
  return ctx.db
    .select()
    .from(jobsTable)
    .where(and(eq(jobsTable.tenantId, ctx.tenantId), eq(jobsTable.kind, "metafield_push"), inArray(jobsTable.status, ["queued", "running"])))
    .orderBy(desc(jobsTable.createdAt))
    .get();
}

/** The newest metafield push of the tenant (running or finished), and the newest finished one. */
export async function latestPushJobs(args: { ctx: TenantContext }): Promise<{ latest: PushJobRow | undefined; lastFinished: PushJobRow | undefined }> {
  const { ctx } = args;
  const rows = await ctx.db
    .select()
    .from(jobsTable)
    .where(and(eq(jobsTable.tenantId, ctx.tenantId), eq(jobsTable.kind, "metafield_push")))
    .orderBy(desc(jobsTable.createdAt))
    .limit(20);
  return { latest: rows[0], lastFinished: rows.find((row) => row.finishedAt !== null) };
}

/**
 * One run at a time per job: the lease is taken when no one holds it, the holder (a retried message) asks again,
 * or it lapsed (a crashed run). Answers the job as claimed, or null.
 */
export async function claimPushJob(args: { ctx: TenantContext; input: { jobId: string; holder: string; now: number; leaseMs: number } }): Promise<PushJobRow | null> {
  const { ctx, input: { jobId, holder, now, leaseMs } } = args;
  const holderOf = sql`json_extract(${jobsTable.result}, '$.holder')`;
  const leaseOf = sql`coalesce(json_extract(${jobsTable.result}, '$.leaseUntil'), 0)`;
  const [claimed] = await ctx.db
    .update(jobsTable)
    .set({
      status: "running",
      startedAt: sql`coalesce(${jobsTable.startedAt}, ${now})`,
      result: sql`json_set(coalesce(${jobsTable.result}, '{}'), '$.holder', ${holder}, '$.leaseUntil', ${now + leaseMs})`,
    })
    .where(
      and(
        eq(jobsTable.tenantId, ctx.tenantId),
        eq(jobsTable.id, jobId),
        inArray(jobsTable.status, ["queued", "running"]),
        sql`(${holderOf} is null or ${holderOf} = ${holder} or ${leaseOf} < ${now})`,
      ),
    )
    .returning();
  return claimed ?? null;
}

export type PushRunEnd = { status: "succeeded" | "failed"; error?: string; at: number };

/**
 * Stores the run's progress if this run still holds the job: a checkpoint keeps the lease, `release` hands the job
 * to the next message, `finished` ends the job with its outcome. A run whose lease lapsed to another writes nothing.
 */
export function pushProgressUpdate(args: { ctx: TenantContext; input: PushProgressSave }): SQL {
  const { ctx, input } = args;
  const lease = input.release || input.finished ? { holder: null, leaseUntil: null } : { holder: input.holder, leaseUntil: input.progress.leaseUntil ?? null };
  const { finished } = input;
  return ctx.db
    .update(jobsTable)
    .set({
      result: { ...input.progress, ...lease },
      ...(finished ? { status: finished.status, error: finished.error ?? null, finishedAt: new Date(finished.at) } : {}),
    })
    .where(and(eq(jobsTable.tenantId, ctx.tenantId), eq(jobsTable.id, input.jobId), sql`json_extract(${jobsTable.result}, '$.holder') = ${input.holder}`))
    .getSQL();
}

export type PushProgressSave = { jobId: string; holder: string; progress: PushProgress; release?: boolean; finished?: PushRunEnd };

export async function savePushProgress(args: { ctx: TenantContext; input: PushProgressSave }): Promise<void> {
  await runStatements(args.ctx.d1, [pushProgressUpdate(args)]);
}
