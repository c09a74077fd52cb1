import { and, desc, eq } from "drizzle-orm";
import { segmentSizesTable } from "../../db/schema/index.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import type { TenantContext } from "../../context/deps.ts";
import { findSegment } from "./find-segment.ts";
import { toSegmentView, type SegmentView } from "./segment-view.ts";

export type SegmentSize = { at: string; size: number; entered: number; left: number };
export type SegmentDetail = SegmentView & { sizes: SegmentSize[] };

const MAX_SIZE_POINTS = 200;

/** A segment with its size after each recompute that changed it (oldest first), for the chart. */
export async function getSegment(args: { ctx: TenantContext; input: { slug: string } }): Promise<Result<SegmentDetail, { reason: "not_found"; message: string }>> {
  const { ctx, input } = args;
  const segment = await findSegment({ ctx, input });
  if (!segment) return err({ reason: "not_found", message: `No segment ${input.slug} in this workspace.` });
  const sizes = await ctx.db
    .select()
    .from(segmentSizesTable)
    .where(and(eq(segmentSizesTable.tenantId, ctx.tenantId), eq(segmentSizesTable.segmentId, segment.id)))
    .orderBy(desc(segmentSizesTable.computedAt))
    .limit(MAX_SIZE_POINTS);
  return ok({
    ...toSegmentView(segment),
    sizes: sizes.reverse().map((row) => ({ at: row.computedAt.toISOString(), size: row.size, entered: row.entered, left: row.left })),
  });
}
