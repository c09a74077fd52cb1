import { and, eq } from "drizzle-orm";
import type { TenantContext } from "../../context/deps.ts";
import { segmentsTable } from "../../db/schema/segments.ts";
import { landingPagesTable } from "../../db/schema/storefront.ts";

/** A landing page of this tenant by slug with its target segment's slug; another tenant's slug is not found. */
export async function findLandingPage({ ctx, input }: { ctx: TenantContext; input: { slug: string } }) {
  const row = await ctx.db
    .select({ page: landingPagesTable, segmentSlug: segmentsTable.slug })
    .from(landingPagesTable)
    .leftJoin(segmentsTable, and(eq(segmentsTable.id, landingPagesTable.segmentId), eq(segmentsTable.tenantId, ctx.tenantId)))
    .where(and(eq(landingPagesTable.tenantId, ctx.tenantId), eq(landingPagesTable.slug, input.slug)))
    .get();
  return row ?? null;
}
