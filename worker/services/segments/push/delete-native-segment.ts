import { and, eq } from "drizzle-orm";
import { segmentsTable } from "../../../db/schema/index.ts";
import { ok, type Result } from "../../../lib/result.ts";
import type { AdminGraphqlError } from "../../../shopify/admin-graphql.ts";
import type { AdminContext } from "../../../context/admin-context.ts";
import type { SegmentRow } from "../segment-view.ts";

const DELETE = `mutation SegOpsSegmentDelete($id: ID!) {
  segmentDelete(id: $id) { deletedSegmentId userErrors { field message } }
}`;

/** A deleted SegOps segment takes its native Shopify segment with it; one already gone counts as deleted. */
export async function deleteNativeSegment(args: { ctx: AdminContext; input: { segment: SegmentRow } }): Promise<Result<null, AdminGraphqlError>> {
  const { ctx, input } = args;
  if (!input.segment.nativeSegmentGid) return ok(null);
  const deleted = await ctx.admin.request(DELETE, { id: input.segment.nativeSegmentGid });
  if (!deleted.ok) return deleted;
  await ctx.db
    .update(segmentsTable)
    .set({ nativeSegmentGid: null })
    .where(and(eq(segmentsTable.tenantId, ctx.tenantId), eq(segmentsTable.id, input.segment.id)));
  return ok(null);
}
