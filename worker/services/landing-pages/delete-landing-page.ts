import { and, eq } from "drizzle-orm";
import type { TenantContext } from "../../context/deps.ts";
import { landingPagesTable } from "../../db/schema/storefront.ts";

/** Deletes the page (its storefront address then answers 404); false when there was none. */
export async function deleteLandingPage({ ctx, input }: { ctx: TenantContext; input: { slug: string } }): Promise<boolean> {
  const deleted = await ctx.db
    .delete(landingPagesTable)
    .where(and(eq(landingPagesTable.tenantId, ctx.tenantId), eq(landingPagesTable.slug, input.slug)))
    .returning({ id: landingPagesTable.id });
  return deleted.length > 0;
}
