import { and, eq, isNull, lt, or } from "drizzle-orm";
import { segmentsTable } from "../../../db/schema/index.ts";
import type { TenantContext } from "../../../context/deps.ts";

// Longer than one bounded run can take, even waiting out Shopify's throttle, so a live run never loses its claim.
const CLAIM_MS = 10 * 60_000;

/** One push per segment at a time; the same holder (a retried message) may claim again, and a stale claim lapses. */
export async function claimSegmentPush(args: { ctx: TenantContext; input: { segmentId: string; holder: string; now: number } }): Promise<boolean> {
  const { ctx, input } = args;
  const { segmentId, holder, now } = input;
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

export async function releaseSegmentPush(args: { ctx: TenantContext; input: { segmentId: string; holder: string } }): Promise<void> {
  const { ctx, input } = args;
  const { segmentId, holder } = input;
  await ctx.db
    .update(segmentsTable)
    .set({ pushClaim: null, pushClaimedUntil: null })
    .where(and(eq(segmentsTable.tenantId, ctx.tenantId), eq(segmentsTable.id, segmentId), eq(segmentsTable.pushClaim, holder)));
}
