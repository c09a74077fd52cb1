import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { segmentsTable } from "../../db/schema/index.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import type { TenantContext } from "../../context/deps.ts";
import { findSegment } from "./find-segment.ts";
import { requestSegmentPush } from "./push/request-segment-push.ts";
import { readSegmentQuery } from "./read-segment-query.ts";
import { recomputeSegment } from "./recompute-segment.ts";
import { checkHotWindow, checkPushMode, checkSegmentPlan, PushModeInput, queryError, SegmentNameInput, SegmentQueryInput, type SegmentWriteError } from "./segment-input.ts";
import { toSegmentView, type SegmentView } from "./segment-view.ts";

export const UpdateSegmentInput = z
  .object({ name: SegmentNameInput.optional(), query: SegmentQueryInput.optional(), pushMode: PushModeInput.optional() })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), "give at least one of name, query, pushMode");

/**
 * Renames, redefines or changes how a segment is pushed. The slug (and so the `segops:<slug>` tag) never changes.
 * A new query is recomputed at once; a change Shopify must hear about queues a push.
 */
export async function updateSegment(args: {
  ctx: TenantContext;
  input: { slug: string; patch: z.output<typeof UpdateSegmentInput> };
}): Promise<Result<SegmentView, SegmentWriteError>> {
  const { ctx, input } = args;
  const { patch } = input;
  const segment = await findSegment({ ctx, input: { slug: input.slug } });
  if (!segment) return err({ reason: "not_found", message: `No segment ${input.slug} in this workspace.` });
  const now = Date.now();
  const query = patch.query === undefined ? null : readSegmentQuery(patch.query, segment.kind, ctx.tenantId, now);
  if (query && !query.ok) return err(queryError(query.error));
  if (query) {
    const windowed = await checkHotWindow({ ctx, input: { ast: query.value.ast, kind: segment.kind } });
    if (!windowed.ok) return windowed;
  }
  const queryJson = query ? query.value.ast : segment.queryJson;
  const pushMode = checkPushMode(patch.pushMode ?? segment.pushMode, segment.kind, queryJson);
  if (!pushMode.ok) return pushMode;
  if (pushMode.value === "native" && segment.pushMode !== "native") {
    const allowed = await checkSegmentPlan({ ctx, input: { adding: false, native: true } });
    if (!allowed.ok) return allowed;
  }

  const [updated] = await ctx.db
    .update(segmentsTable)
    .set({
      name: patch.name ?? segment.name,
      ...(query ? { query: query.value.text, queryJson } : {}),
      pushMode: pushMode.value,
      updatedAt: new Date(now),
    })
    .where(and(eq(segmentsTable.tenantId, ctx.tenantId), eq(segmentsTable.id, segment.id)))
    .returning();
  if (!updated) return err({ reason: "not_found", message: `No segment ${input.slug} in this workspace.` });
  let view = toSegmentView(updated);
  if (query) {
    const computed = await recomputeSegment({ ctx, input: { segment: updated, now } });
    if (!computed.ok) throw new Error(`a saved segment failed to compile: ${computed.error.message}`);
    view = { ...view, memberCount: computed.value.size, lastComputedAt: new Date(now).toISOString() };
  }
  const modeChanged = pushMode.value !== segment.pushMode;
  const nativeChanged = pushMode.value === "native" && (query !== null || patch.name !== undefined);
  if (modeChanged || nativeChanged) await requestSegmentPush({ ctx, input: { segmentId: segment.id } });
  return ok(view);
}
