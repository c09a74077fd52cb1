import { and, desc, eq, isNotNull, isNull, notInArray, or, sql } from "drizzle-orm";
import type { TenantContext } from "../../context/deps.ts";
import { productsTable } from "../../db/schema/catalog.ts";

const p = productsTable;

/** The most recently updated live products (an index range): what a shop without orders can still recommend. */
export async function readNewestProducts({ ctx, input: query }: { ctx: TenantContext; input: { exclude: readonly string[]; limit: number } }): Promise<string[]> {
  const rows = await ctx.db
    .select({ productId: p.shopifyProductId })
    .from(p)
    .where(
      and(
        eq(p.tenantId, ctx.tenantId),
        isNotNull(p.shopifyProductId),
        isNull(p.deletedAt),
        or(isNull(p.status), eq(p.status, "active")),
        query.exclude.length > 0 ? notInArray(p.shopifyProductId, [...query.exclude]) : sql`true`,
      ),
    )
    .orderBy(desc(p.updatedAt))
    .limit(query.limit);
  return rows.flatMap((row) => (row.productId ? [row.productId] : []));
}
