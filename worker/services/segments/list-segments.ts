import { and, asc, eq, isNull } from "drizzle-orm";
import { segmentsTable } from "../../db/schema/index.ts";
import type { TenantContext } from "../deps.ts";
import { toSegmentView, type SegmentView } from "./segment-view.ts";

// Plan limits cap segments per tenant far below this; one page is the whole list.
const MAX_SEGMENTS = 500;

export async function listSegments(args: { ctx: TenantContext }): Promise<SegmentView[]> {
  const { ctx } = args;
  const rows = await ctx.db
    .select()
    .from(segmentsTable)
    .where(and(eq(segmentsTable.tenantId, ctx.tenantId), isNull(segmentsTable.deletedAt)))
    .orderBy(asc(segmentsTable.createdAt), asc(segmentsTable.id))
    .limit(MAX_SEGMENTS);
  return rows.map(toSegmentView);
}
