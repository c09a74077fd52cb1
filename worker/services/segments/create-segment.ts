import type { SQL } from "drizzle-orm";
import { z } from "zod";
import { rowWhere } from "../../db/row-where.ts";
import { segmentsTable } from "../../db/schema/index.ts";
import { newId } from "../../lib/ids.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import type { TenantContext } from "../../context/deps.ts";
import { writeWithinPlan } from "../billing/write-within-plan.ts";
import { deriveSlug } from "./derive-slug.ts";
import { requestSegmentPush } from "./push/request-segment-push.ts";
import { readSegmentQuery } from "./read-segment-query.ts";
import { recomputeSegment } from "./recompute-segment.ts";
import { checkHotWindow, checkPushMode, checkSegmentPlan, planRefused, PushModeInput, queryError, SegmentNameInput, SegmentQueryInput, type SegmentWriteError } from "./segment-input.ts";
import { toSegmentView, type SegmentView } from "./segment-view.ts";

export const CreateSegmentInput = z.object({
  name: SegmentNameInput,
  kind: z.enum(["customer", "product"]),
  query: SegmentQueryInput,
  pushMode: PushModeInput.default("none"),
});

const MAX_SLUG_ATTEMPTS = 3;

/** Saves a segment, computes its members at once (so the answer carries its size) and queues the first push. */
export async function createSegment(args: {
  ctx: TenantContext;
  input: z.output<typeof CreateSegmentInput> & { suggestion?: string };
}): Promise<Result<SegmentView, SegmentWriteError>> {
  const { ctx, input } = args;
  const now = Date.now();
  const query = readSegmentQuery(input.query, input.kind, ctx.tenantId, now);
  if (!query.ok) return err(queryError(query.error));
  const windowed = await checkHotWindow({ ctx, input: { ast: query.value.ast, kind: input.kind } });
  if (!windowed.ok) return windowed;
  const pushMode = checkPushMode(input.pushMode, input.kind, query.value.ast);
  if (!pushMode.ok) return pushMode;
  const allowed = await checkSegmentPlan({ ctx, input: { adding: true, native: pushMode.value === "native" } });
  if (!allowed.ok) return allowed;

  for (let attempt = 1; ; attempt++) {
    const row = {
      id: newId("segment", now),
      tenantId: ctx.tenantId,
      slug: await deriveSlug({ ctx, input: { name: input.name } }),
      name: input.name,
      kind: input.kind,
      query: query.value.text,
      queryJson: query.value.ast,
      pushMode: pushMode.value,
      suggestion: input.suggestion ?? null,
      createdAt: new Date(now),
      updatedAt: new Date(now),
    };
    const insert = (room: SQL) => ctx.db.insert(segmentsTable).select(rowWhere(segmentsTable, row, room)).onConflictDoNothing().returning();
    const saved = await writeWithinPlan({ ctx, input: { limit: "segments", write: async (room) => (await insert(room))[0] } });
    if (!saved.ok) return err(planRefused(saved.error));
    const segment = saved.value;
    // Two creates with the same name can race for a slug: the loser derives the next one.
    if (!segment) {
      if (attempt === MAX_SLUG_ATTEMPTS) throw new Error(`no free slug for ${input.name} after ${attempt} attempts`);
      continue;
    }
    const computed = await recomputeSegment({ ctx, input: { segment, now } });
    if (!computed.ok) throw new Error(`a saved segment failed to compile: ${computed.error.message}`);
    // Tag pushes were queued by the recompute when it found members; a native segment exists whatever its size.
    if (segment.pushMode === "native") await requestSegmentPush({ ctx, input: { segmentId: segment.id } });
    return ok(toSegmentView({ ...segment, memberCount: computed.value.size, lastComputedAt: new Date(now) }));
  }
}
