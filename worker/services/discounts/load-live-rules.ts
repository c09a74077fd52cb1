import { and, eq, gt, isNull, or } from "drizzle-orm";
import { discountRulesTable, segmentsTable } from "../../db/schema/index.ts";
import type { TenantContext } from "../../context/deps.ts";
import type { LiveRule } from "./group-discount-rules.ts";

/**
 * The tenant's active rules that have not ended, each with its segment's tag. A rule whose segment stopped
 * pushing tags stays in: its members lose the tag, so it stops applying by itself, and applies again if pushed.
 */
export async function loadLiveRules(args: { ctx: TenantContext; input: { now: number } }): Promise<LiveRule[]> {
  const { ctx, input } = args;
  const { now } = input;
  const rows = await ctx.db
    .select({ rule: discountRulesTable, slug: segmentsTable.slug })
    .from(discountRulesTable)
    .innerJoin(segmentsTable, and(eq(segmentsTable.tenantId, discountRulesTable.tenantId), eq(segmentsTable.id, discountRulesTable.segmentId)))
    .where(
      and(
        eq(discountRulesTable.tenantId, ctx.tenantId),
        eq(discountRulesTable.status, "active"),
        or(isNull(discountRulesTable.endsAt), gt(discountRulesTable.endsAt, new Date(now))),
      ),
    )
    .all();
  return rows.map(({ rule, slug }) => ({ ...rule, tag: `segops:${slug}` }));
}
