import { and, eq } from "drizzle-orm";
import type { TenantContext } from "../../context/deps.ts";
import { discountRulesTable, segmentsTable } from "../../db/schema/index.ts";
import type { SegmentRow } from "../segments/segment-view.ts";
import type { DiscountRuleRow } from "./group-discount-rules.ts";

/** A rule of this tenant with its segment (deleted or not); another tenant's id is simply not found. */
export async function findDiscountRule(args: { ctx: TenantContext; input: { id: string } }): Promise<{ rule: DiscountRuleRow; segment: SegmentRow } | null> {
  const { ctx, input } = args;
  const row = await ctx.db
    .select({ rule: discountRulesTable, segment: segmentsTable })
    .from(discountRulesTable)
    .innerJoin(segmentsTable, and(eq(segmentsTable.tenantId, discountRulesTable.tenantId), eq(segmentsTable.id, discountRulesTable.segmentId)))
    .where(and(eq(discountRulesTable.tenantId, ctx.tenantId), eq(discountRulesTable.id, input.id)))
    .get();
  return row ?? null;
}
