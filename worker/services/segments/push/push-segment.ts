import { and, eq } from "drizzle-orm";
import { segmentsTable } from "../../../db/schema/index.ts";
import type { AdminContext } from "../../../context/admin-context.ts";
import type { PushResult, SegmentRow } from "../segment-view.ts";
import { claimSegmentPush, releaseSegmentPush } from "./claim-segment-push.ts";
import { deleteNativeSegment } from "./delete-native-segment.ts";
import { pushNativeSegment } from "./push-native-segment.ts";
import { pushSegmentTags } from "./push-segment-tags.ts";

export type PushTotals = { added: number; removed: number; failed: number };

/** `continue`: more diff than one run may send; `busy`: another run holds the segment; `retry`: Shopify failed for now. */
export type PushRun = { outcome: "done" | "busy" } | { outcome: "continue"; totals: PushTotals } | { outcome: "retry"; message: string };

export type PushSegmentInput = { segmentId: string; holder: string; totals?: PushTotals; now: number; maxCalls: number };

const ZERO: PushTotals = { added: 0, removed: 0, failed: 0 };
const TRANSIENT = new Set(["unavailable", "graphql"]);

/**
 * One bounded push run for a segment: tags (the diff, or every tag off when the segment stopped pushing tags or
 * was deleted), then the native segment. The result is stored on the segment for the admin and API to show.
 */
export async function pushSegment(args: { ctx: AdminContext; input: PushSegmentInput }): Promise<PushRun> {
  const { ctx, input } = args;
  const segment = await ctx.db
    .select()
    .from(segmentsTable)
    .where(and(eq(segmentsTable.tenantId, ctx.tenantId), eq(segmentsTable.id, input.segmentId)))
    .get();
  if (!segment) return { outcome: "done" };
  if (!(await claimSegmentPush({ ctx, input: { segmentId: segment.id, holder: input.holder, now: input.now } }))) return { outcome: "busy" };
  try {
    return await runPush(ctx, segment, input);
  } finally {
    await releaseSegmentPush({ ctx, input: { segmentId: segment.id, holder: input.holder } });
  }
}

async function runPush(ctx: AdminContext, segment: SegmentRow, input: PushSegmentInput): Promise<PushRun> {
  const record = (result: Omit<PushResult, "mode" | "at">) => recordPushResult(ctx, segment, result, input.now);
  let totals = input.totals ?? ZERO;
  const tags = await pushSegmentTags({ ctx, input: { segment, maxCalls: input.maxCalls, now: input.now } });
  const progress = tags.ok ? tags.value : tags.error.progress;
  totals = { added: totals.added + progress.added, removed: totals.removed + progress.removed, failed: totals.failed + progress.failed };
  const errors = progress.errors;
  if (!tags.ok) {
    await record({ status: "failed", ...totals, errors, message: tags.error.message });
    return TRANSIENT.has(tags.error.kind) ? { outcome: "retry", message: tags.error.message } : { outcome: "done" };
  }
  if (!tags.value.done) {
    await record({ status: "in_progress", ...totals, errors });
    return { outcome: "continue", totals };
  }
  if (segment.deletedAt !== null) {
    const deleted = await deleteNativeSegment({ ctx, input: { segment } });
    if (!deleted.ok && TRANSIENT.has(deleted.error.kind)) return { outcome: "retry", message: deleted.error.message };
    return { outcome: "done" };
  }
  if (segment.pushMode === "native") {
    const native = await pushNativeSegment({ ctx, input: { segment } });
    if (!native.ok) {
      await record({ status: "failed", ...totals, message: native.error.message });
      return TRANSIENT.has(native.error.kind) ? { outcome: "retry", message: native.error.message } : { outcome: "done" };
    }
    await record({ status: "succeeded", ...totals, nativeQuery: native.value.query });
    return { outcome: "done" };
  }
  await record({ status: totals.failed > 0 ? "partial" : "succeeded", ...totals, errors });
  return { outcome: "done" };
}

async function recordPushResult(ctx: AdminContext, segment: SegmentRow, result: Omit<PushResult, "mode" | "at">, now: number): Promise<void> {
  const stored: PushResult = { ...result, mode: segment.pushMode, at: new Date(now).toISOString() };
  await ctx.db
    .update(segmentsTable)
    .set({ lastPushAt: new Date(now), lastPushResult: stored })
    .where(and(eq(segmentsTable.tenantId, ctx.tenantId), eq(segmentsTable.id, segment.id)));
}
