import { and, eq, isNull } from "drizzle-orm";
import { productsTable, type AiRecommendation } from "../../db/schema/index.ts";
import type { TenantContext } from "../../context/deps.ts";
import { idFromGid } from "../../shopify/gid.ts";

const PRODUCT_REF = /^(prd_[0-9a-z]+|\d+)$/;

const FOUND = {
  id: productsTable.id,
  shopifyProductId: productsTable.shopifyProductId,
  title: productsTable.title,
  aiScore: productsTable.aiScore,
  aiRecommendations: productsTable.aiRecommendations,
  aiScoredAt: productsTable.aiScoredAt,
};

export type FoundProduct = { id: string; shopifyProductId: string | null; title: string; aiScore: number | null; aiRecommendations: AiRecommendation[] | null; aiScoredAt: Date | null };

/** A live product of this tenant by SegOps id (`prd_…`), Shopify id or Shopify GID; anything else is not found. */
export async function findProduct(args: { ctx: TenantContext; input: { ref: string } }): Promise<FoundProduct | null> {
  const { ctx, input } = args;
  const id = idFromGid(input.ref.trim());
  if (!PRODUCT_REF.test(id)) return null;
  const byRef = id.startsWith("prd_") ? eq(productsTable.id, id) : eq(productsTable.shopifyProductId, id);
  const row = await ctx.db
    .select(FOUND)
    .from(productsTable)
    .where(and(eq(productsTable.tenantId, ctx.tenantId), byRef, isNull(productsTable.deletedAt)))
    .get();
  return row ?? null;
}
