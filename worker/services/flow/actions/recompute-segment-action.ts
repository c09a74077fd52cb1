import { and, eq, isNull, or, sql } from "drizzle-orm";
import { segmentsTable } from "../../../db/schema/index.ts";
import { recomputeSegment } from "../../segments/recompute-segment.ts";
import { refuse, textProperty, type FlowActionRun } from "./flow-action.ts";

/** "Recompute a SegOps segment": `segment` is its slug (or its name); answers the new size and the changes. */
export const recomputeSegmentAction: FlowActionRun = async ({ ctx, input: { properties } }) => {
  const wanted = textProperty(properties, "segment");
  if (!wanted) return refuse("Choose the segment to recompute: its slug, as shown in SegOps.");
  const segment = await ctx.db
    .select()
    .from(segmentsTable)
    .where(
      and(
        eq(segmentsTable.tenantId, ctx.tenantId),
        isNull(segmentsTable.deletedAt),
        or(eq(segmentsTable.slug, wanted.toLowerCase()), sql`lower(${segmentsTable.name}) = lower(${wanted})`),
      ),
    )
    .get();
  if (!segment) return refuse(`SegOps has no segment ${wanted}.`, 404);
  const outcome = await recomputeSegment({ ctx, input: { segment } });
  if (!outcome.ok) return refuse(`Segment ${segment.slug} cannot be computed: ${outcome.error.message}`);
  const { size, entered, left } = outcome.value;
  return { status: 200, body: { segment: segment.slug, size, entered, left, computedAt: new Date(outcome.value.computedAt).toISOString() } };
};
