import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { TenantContext } from "../../context/deps.ts";
import { productsTable } from "../../db/schema/catalog.ts";

export type ProductCard = { productId: string; title: string; handle: string | null; price: number | null; imageUrl: string | null };

const p = productsTable;

/** Cards for live products (not deleted, active or of unknown status) in the order of `productIds`; others are left out. */
export async function loadProductCards({ ctx, input }: { ctx: TenantContext; input: { productIds: readonly string[] } }): Promise<ProductCard[]> {
  const { productIds } = input;
  if (productIds.length === 0) return [];
  const rows = await ctx.db
    .select({
      productId: p.shopifyProductId,
      title: p.title,
      handle: p.handle,
      price: p.priceMin,
      imageUrl: sql<string | null>`coalesce(json_extract(${p.data}, '$.images[0].src'), json_extract(${p.data}, '$.images[0].url'))`,
    })
    .from(p)
    .where(and(eq(p.tenantId, ctx.tenantId), inArray(p.shopifyProductId, [...productIds]), isNull(p.deletedAt), or(isNull(p.status), eq(p.status, "active"))));
  const byId = new Map(rows.flatMap((row) => (row.productId ? [[row.productId, { ...row, productId: row.productId }] as const] : [])));
  return productIds.flatMap((id) => {
    const card = byId.get(id);
    return card ? [card] : [];
  });
}
