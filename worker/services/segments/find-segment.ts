import { and, eq, isNull } from "drizzle-orm";
import { segmentsTable } from "../../db/schema/index.ts";
import type { TenantContext } from "../../context/deps.ts";
import type { SegmentRow } from "./segment-view.ts";

/** A live segment of this tenant by slug; another tenant's slug is simply not found. */
export async function findSegment(args: { ctx: TenantContext; input: { slug: string } }): Promise<SegmentRow | null> {
  const { ctx, input } = args;
  const row = await ctx.db
    .select()
    .from(segmentsTable)
    .where(and(eq(segmentsTable.tenantId, ctx.tenantId), eq(segmentsTable.slug, input.slug), isNull(segmentsTable.deletedAt)))
    .get();
  return row ?? null;
}
