import { and, desc, eq } from "drizzle-orm";
import type { TenantContext } from "../../context/deps.ts";
import { segmentsTable } from "../../db/schema/segments.ts";
import { landingPagesTable } from "../../db/schema/storefront.ts";
import { landingPageView, type LandingPageView } from "./landing-page-view.ts";
import { openLaggedReads } from "../../db/open-lagged-reads.ts";

/** The workspace's landing pages, most recently changed first. */
export async function listLandingPages({ ctx }: { ctx: TenantContext; input?: undefined }): Promise<LandingPageView[]> {
  const rows = await openLaggedReads(ctx).db
    .select({ page: landingPagesTable, segmentSlug: segmentsTable.slug })
    .from(landingPagesTable)
    .leftJoin(segmentsTable, and(eq(segmentsTable.id, landingPagesTable.segmentId), eq(segmentsTable.tenantId, ctx.tenantId)))
    .where(eq(landingPagesTable.tenantId, ctx.tenantId))
    .orderBy(desc(landingPagesTable.updatedAt));
  return rows.map((row) => landingPageView(row.page, row.segmentSlug));
}
