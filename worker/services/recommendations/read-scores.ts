import { and, desc, eq, inArray, notInArray, sql, sum } from "drizzle-orm";
import type { TenantContext } from "../../context/deps.ts";
import { recommendationScoresTable, type RECOMMENDATION_KINDS } from "../../db/schema/storefront.ts";

const s = recommendationScoresTable;

/** Products scored for any of `anchors`, best first (scores of several anchors add up); `exclude` never comes back. */
export async function readScores({
  ctx,
  input: query,
}: {
  ctx: TenantContext;
  input: { kind: (typeof RECOMMENDATION_KINDS)[number]; anchors: readonly string[]; exclude: readonly string[]; limit: number };
}): Promise<string[]> {
  if (query.anchors.length === 0) return [];
  const total = sum(s.weight).mapWith(Number);
  const rows = await ctx.db
    .select({ productId: s.productId, total })
    .from(s)
    .where(
      and(
        eq(s.tenantId, ctx.tenantId),
        eq(s.kind, query.kind),
        inArray(s.anchor, [...query.anchors]),
        query.exclude.length > 0 ? notInArray(s.productId, [...query.exclude]) : sql`true`,
      ),
    )
    .groupBy(s.productId)
    .orderBy(desc(total), s.productId)
    .limit(query.limit);
  return rows.map((row) => row.productId);
}
