import { and, eq, isNull } from "drizzle-orm";
import { segmentsTable, segmentTagsTable } from "../../db/schema/index.ts";
import type { TenantContext } from "../../context/deps.ts";
import { requestSegmentPush } from "./push/request-segment-push.ts";

/**
 * Soft-deletes a segment (its slug stays reserved and its history kept). A push then takes its `segops:` tags off
 * the customers and deletes its native Shopify segment, so nothing of it is left acting in Shopify.
 */
export async function deleteSegment(args: { ctx: TenantContext; input: { slug: string } }): Promise<boolean> {
  const { ctx, input } = args;
  const [deleted] = await ctx.db
    .update(segmentsTable)
    .set({ deletedAt: new Date() })
    .where(and(eq(segmentsTable.tenantId, ctx.tenantId), eq(segmentsTable.slug, input.slug), isNull(segmentsTable.deletedAt)))
    .returning({ id: segmentsTable.id, nativeSegmentGid: segmentsTable.nativeSegmentGid });
  if (!deleted) return false;
  const tagged = await ctx.db
    .select({ id: segmentTagsTable.profileId })
    .from(segmentTagsTable)
    .where(and(eq(segmentTagsTable.tenantId, ctx.tenantId), eq(segmentTagsTable.segmentId, deleted.id)))
    .limit(1)
    .get();
  if (tagged || deleted.nativeSegmentGid) await requestSegmentPush({ ctx, input: { segmentId: deleted.id } });
  return true;
}
