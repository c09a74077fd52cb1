import { and, eq, isNull, lt, or } from "drizzle-orm";
import { segmentsTable } from "../../../db/schema/index.ts";
import type { TenantContext } from "../../../context/deps.ts";

// Longer than one bounded run can take, even waiting out Shopify's throttle, so a live run never loses its claim.
const CLAIM_MS = 10 * 60_000;

/** One push per segment at a time; the same holder (a retried message) may claim again, and a stale claim lapses. */
export async function claimSegmentPush(ctx: TenantContext, segmentId: string, holder: string, now: number): Promise<boolean> {
  const claimed = await ctx.db
    .update(segmentsTable)
    .set({ pushClaim: holder, pushClaimedUntil: new Date(now + CLAIM_MS) })
    .where(
      and(
        eq(segmentsTable.tenantId, ctx.tenantId),
        eq(segmentsTable.id, segmentId),
        or(isNull(segmentsTable.pushClaim), eq(segmentsTable.pushClaim, holder), lt(segmentsTable.pushClaimedUntil, new Date(now))),
      ),
    )
    .returning({ id: segmentsTable.id });
  return claimed.length > 0;
}

export async function releaseSegmentPush(ctx: TenantContext, segmentId: string, holder: string): Promise<void> {
  await ctx.db
    .update(segmentsTable)
    .set({ pushClaim: null, pushClaimedUntil: null })
    .where(and(eq(segmentsTable.tenantId, ctx.tenantId), eq(segmentsTable.id, segmentId), eq(segmentsTable.pushClaim, holder)));
}
