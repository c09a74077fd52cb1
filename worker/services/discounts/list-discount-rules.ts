import { and, asc, eq } from "drizzle-orm";
import type { TenantContext } from "../../context/deps.ts";
import { discountRulesTable, segmentsTable } from "../../db/schema/index.ts";
import { MAX_ACTIVE_RULES } from "./discount-rule-input.ts";
import { toDiscountRuleView, type DiscountRuleView } from "./discount-rule-view.ts";
import { isLive } from "./count-live-rules.ts";
import { openLaggedReads } from "../../db/open-lagged-reads.ts";

export type DiscountRulesList = { rules: DiscountRuleView[]; activeCount: number; maxActive: number };

/** The tenant's rules, oldest first, with how many of the 25 active slots they take. */
export async function listDiscountRules(args: { ctx: TenantContext }): Promise<DiscountRulesList> {
  const { ctx } = args;
  const now = Date.now();
  const rows = await openLaggedReads(ctx).db
    .select({ rule: discountRulesTable, segment: segmentsTable })
    .from(discountRulesTable)
    .innerJoin(segmentsTable, and(eq(segmentsTable.tenantId, discountRulesTable.tenantId), eq(segmentsTable.id, discountRulesTable.segmentId)))
    .where(eq(discountRulesTable.tenantId, ctx.tenantId))
    .orderBy(asc(discountRulesTable.createdAt), asc(discountRulesTable.id))
    .all();
  return {
    rules: rows.map(({ rule, segment }) => toDiscountRuleView(rule, segment, now)),
    activeCount: rows.filter(({ rule }) => isLive(rule, now)).length,
    maxActive: MAX_ACTIVE_RULES,
  };
}
