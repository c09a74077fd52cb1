import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { segmentsTable } from "../../db/schema/index.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import type { TenantContext } from "../../context/deps.ts";
import { createSegment } from "./create-segment.ts";
import { PushModeInput, type SegmentWriteError } from "./segment-input.ts";
import { toSegmentView, type SegmentView } from "./segment-view.ts";
import { SUGGESTED_SEGMENTS, suggestionStats } from "./suggested-segments.ts";

export const AcceptSuggestionInput = z.object({ key: z.string().min(1).max(100), pushMode: PushModeInput.default("none") });

/** Turns a suggestion into a segment; accepting one already accepted answers that segment again. */
export async function acceptSuggestedSegment(args: {
  ctx: TenantContext;
  input: z.output<typeof AcceptSuggestionInput>;
}): Promise<Result<{ segment: SegmentView; created: boolean }, SegmentWriteError>> {
  const { ctx, input } = args;
  const definition = SUGGESTED_SEGMENTS.find((candidate) => candidate.key === input.key);
  if (!definition) return err({ reason: "not_found", message: `No suggested segment ${input.key}.` });
  const existing = await ctx.db
    .select()
    .from(segmentsTable)
    .where(and(eq(segmentsTable.tenantId, ctx.tenantId), eq(segmentsTable.suggestion, definition.key), isNull(segmentsTable.deletedAt)))
    .get();
  if (existing) return ok({ segment: toSegmentView(existing), created: false });
  const query = definition.query(await suggestionStats({ ctx }));
  const segment = { name: definition.name, kind: definition.kind, query, pushMode: input.pushMode, suggestion: definition.key };
  const created = await createSegment({ ctx, input: segment });
  return created.ok ? ok({ segment: created.value, created: true }) : created;
}
