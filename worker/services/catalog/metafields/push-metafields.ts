import { and, count, eq, isNull } from "drizzle-orm";
import { jobsTable, productsTable } from "../../../db/schema/index.ts";
import type { AdminContext } from "../../../context/admin-context.ts";
import { scoreProducts } from "../score-products.ts";
import { digestOf, metafieldValues, readDigests, type MetafieldDigests } from "./metafield-values.ts";
import { claimPushJob, progressOf, savePushProgress, type PushProgress, type PushRunEnd } from "./push-job.ts";
import { readProductSegments, readPushPage, type PushPageRow } from "./read-push-page.ts";
import { METAFIELDS_PER_SET, recordPushed, sendMetafields, SETS_PER_CALL, type PendingMetafield } from "./send-metafields.ts";

export type PushMetafieldsInput = { jobId: string; holder: string; now: number; budgetMs: number; pageSize?: number };
/** `continue`: the budget ran out with products left; `busy`: another run holds the job; `retry`: Shopify failed for now. */
export type PushMetafieldsRun = { outcome: "done" | "continue" | "busy" } | { outcome: "retry"; message: string };

const PAGE_SIZE = 500;
// Longer than one run can take, waiting out Shopify's throttle included, so a live run keeps its job.
const LEASE_MS = 10 * 60_000;
const MAX_ERROR_SAMPLES = 5;
const TRANSIENT = new Set(["unavailable", "graphql"]);

/**
 * One bounded run of a metafield push job: page by page through the catalog in id order, scores what changed
 * since its last score, then writes the `$app:segops` metafields whose values differ from what was last confirmed
 * (`metafields_digest`). The cursor moves after a whole page, the digests after each call, so a run that stops
 * anywhere resumes without writing anything twice.
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
  const save = (end: { release?: boolean; finished?: PushRunEnd } = {}) => savePushProgress({ ctx, input: { jobId: job.id, holder: input.holder, progress, ...end } });
  const started = Date.now();
  const callsBefore = progress.calls;
  // Every run makes at least one call, so a run that always starts late still moves the job on.
  const inBudget = () => progress.calls === callsBefore || Date.now() - started < input.budgetMs;
  for (;;) {
    const page = await readPushPage({ ctx, input: { cursor: progress.cursor, limit: input.pageSize ?? PAGE_SIZE } });
    if (page.length === 0) {
      await save({ finished: { status: "succeeded", at: Date.now() } });
      return { outcome: "done" };
    }
    const sent = await pushPage(ctx, page, progress, inBudget);
    if (sent !== "page done") {
      if (sent.kind === "budget") {
        await save({ release: true });
        return { outcome: "continue" };
      }
      if (TRANSIENT.has(sent.error.kind)) {
        await save({ release: true });
        return { outcome: "retry", message: sent.error.message };
      }
      await save({ finished: { status: "failed", error: sent.error.message, at: Date.now() } });
      return { outcome: "done" };
    }
    progress.cursor = page.at(-1)!.id;
    progress.seen += page.length;
    if (!inBudget()) {
      await save({ release: true });
      return { outcome: "continue" };
    }
    await save();
  }
}

async function countLiveProducts(ctx: AdminContext): Promise<number> {
  const row = await ctx.db.select({ n: count() }).from(productsTable).where(and(eq(productsTable.tenantId, ctx.tenantId), isNull(productsTable.deletedAt))).get();
  return row?.n ?? 0;
}

type PageStop = { kind: "budget" } | { kind: "error"; error: { kind: string; message: string } };

async function pushPage(ctx: AdminContext, page: PushPageRow[], progress: PushProgress, inBudget: () => boolean): Promise<"page done" | PageStop> {
  const due = page.filter((row) => row.due).map((row) => row.id);
  if (due.length > 0) {
    const { scored } = await scoreProducts({ ctx, input: { productIds: due } });
    const byId = new Map(scored.map((product) => [product.id, product]));
    for (const row of page) {
      const fresh = byId.get(row.id);
      if (fresh) Object.assign(row, { aiScore: fresh.score, aiRecommendations: fresh.recommendations });
    }
    progress.scored += scored.length;
  }
  const segments = await readProductSegments({ ctx, input: { productIds: page.map((row) => row.id) } });
  const digests = new Map<string, MetafieldDigests>();
  let pending: PendingMetafield[] = [];
  for (const row of page) {
    if (row.shopifyProductId === null || row.aiScore === null) continue;
    const stored = readDigests(row.metafieldsDigest);
    digests.set(row.id, stored);
    const values = metafieldValues({ score: row.aiScore, recommendations: row.aiRecommendations ?? [], mentionCount30d: row.mentionCount30d, segmentSlugs: segments.get(row.id) ?? [] });
    for (const value of values) {
      const digest = await digestOf(value);
      if (stored[value.key] !== digest) pending.push({ productId: row.id, shopifyProductId: row.shopifyProductId, value, digest, retried: false });
    }
  }
  const written = new Set<string>();
  while (pending.length > 0) {
    if (!inBudget()) return { kind: "budget" };
    const batch = pending.slice(0, METAFIELDS_PER_SET * SETS_PER_CALL);
    pending = pending.slice(batch.length);
    const sent = await sendMetafields({ ctx, input: { batch } });
    if (!sent.ok) return { kind: "error", error: sent.error };
    progress.calls++;
    progress.cost += sent.value.sets * 10;
    pending.push(...sent.value.again);
    for (const { pending: failed, message } of sent.value.failed) {
      progress.errors++;
      if (progress.errorSamples.length < MAX_ERROR_SAMPLES) progress.errorSamples.push(`product ${failed.shopifyProductId} ${failed.value.key}: ${message}`);
    }
    const confirmedRows = [...sent.value.confirmed].map(([id, keys]) => {
      const merged = { ...digests.get(id), ...keys };
      digests.set(id, merged);
      progress.metafields += Object.keys(keys).length;
      if (!written.has(id)) {
        written.add(id);
        progress.products++;
      }
      return { id, digests: merged };
    });
    await recordPushed({ ctx, input: { rows: confirmedRows, now: Date.now() } });
  }
  return "page done";
}
