import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import { productsTable, segmentMembershipsTable, segmentsTable, type AiRecommendation } from "../../../db/schema/index.ts";
import { inJsonValues } from "../../../db/sql-json.ts";
import type { TenantContext } from "../../../context/deps.ts";

export type PushPageRow = {
  id: string;
  shopifyProductId: string | null;
  aiScore: number | null;
  aiRecommendations: AiRecommendation[] | null;
  mentionCount30d: number;
  metafieldsDigest: string | null;
  due: boolean;
};

/** A page of the tenant's live products after `cursor`, in id order, each saying whether it is due for scoring. */
export async function readPushPage(args: { ctx: TenantContext; input: { cursor: string | null; limit: number } }): Promise<PushPageRow[]> {
  const { ctx, input: { cursor, limit } } = args;
  return ctx.db
    .select({
      id: productsTable.id,
      shopifyProductId: productsTable.shopifyProductId,
      aiScore: productsTable.aiScore,
      aiRecommendations: productsTable.aiRecommendations,
      mentionCount30d: productsTable.mentionCount30d,
      metafieldsDigest: productsTable.metafieldsDigest,
      due: sql<boolean>`(${productsTable.aiScoredAt} is null or ${productsTable.updatedAt} > ${productsTable.aiScoredAt})`.mapWith(Boolean),
    })
    .from(productsTable)
    .where(and(eq(productsTable.tenantId, ctx.tenantId), isNull(productsTable.deletedAt), cursor === null ? undefined : gt(productsTable.id, cursor)))
    .orderBy(asc(productsTable.id))
    .limit(limit);
}

/** The slugs of the live product segments each of these products is in now (the `segment_memberships` metafield). */
export async function readProductSegments(args: { ctx: TenantContext; input: { productIds: readonly string[] } }): Promise<Map<string, string[]>> {
  const { ctx, input: { productIds } } = args;
  const slugs = new Map<string, string[]>();
  if (productIds.length === 0) return slugs;
  const rows = await ctx.db
    .select({ productId: segmentMembershipsTable.memberId, slug: segmentsTable.slug })
    .from(segmentsTable)
    .innerJoin(
      segmentMembershipsTable,
      and(eq(segmentMembershipsTable.tenantId, segmentsTable.tenantId), eq(segmentMembershipsTable.segmentId, segmentsTable.id), isNull(segmentMembershipsTable.leftAt)),
    )
    .where(
      and(
        eq(segmentsTable.tenantId, ctx.tenantId),
        eq(segmentsTable.kind, "product"),
        isNull(segmentsTable.deletedAt),
        inJsonValues(segmentMembershipsTable.memberId, productIds),
      ),
    );
  for (const row of rows) slugs.set(row.productId, [...(slugs.get(row.productId) ?? []), row.slug]);
  return slugs;
}
