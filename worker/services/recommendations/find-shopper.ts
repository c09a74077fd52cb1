import { and, eq, isNull } from "drizzle-orm";
import type { TenantContext } from "../../context/deps.ts";
import { profilesTable } from "../../db/schema/profiles.ts";
import { segmentMembershipsTable, segmentsTable } from "../../db/schema/segments.ts";

export type Shopper = { profileId: string; segments: { id: string; slug: string }[] };

/** The profile behind a Shopify customer id and the customer segments it is in now; null for an unknown or redacted customer. */
export async function findShopper({ ctx, input }: { ctx: TenantContext; input: { customerId: string } }): Promise<Shopper | null> {
  const [profile] = await ctx.db
    .select({ id: profilesTable.id })
    .from(profilesTable)
    .where(and(eq(profilesTable.tenantId, ctx.tenantId), eq(profilesTable.shopifyCustomerId, input.customerId), isNull(profilesTable.redactedAt)));
  if (!profile) return null;
  const m = segmentMembershipsTable;
  const segments = await ctx.db
    .select({ id: segmentsTable.id, slug: segmentsTable.slug })
    .from(m)
    .innerJoin(segmentsTable, and(eq(segmentsTable.id, m.segmentId), eq(segmentsTable.tenantId, ctx.tenantId)))
    .where(and(eq(m.tenantId, ctx.tenantId), eq(m.memberId, profile.id), isNull(m.leftAt), isNull(segmentsTable.deletedAt)))
    .orderBy(segmentsTable.slug);
  return { profileId: profile.id, segments };
}
