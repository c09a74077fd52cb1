import { and, count, eq, gt, isNull, ne, or } from "drizzle-orm";
import type { TenantContext } from "../../context/deps.ts";
import { discountRulesTable } from "../../db/schema/index.ts";
import type { DiscountRuleRow } from "./group-discount-rules.ts";

/** A rule takes one of the 25 slots while it is active and has not ended (a scheduled rule already counts). */
export const isLive = (rule: Pick<DiscountRuleRow, "status" | "endsAt">, now: number): boolean =>
  rule.status === "active" && (rule.endsAt === null || rule.endsAt.getTime() > now);

/** Live rules of the tenant other than `exceptId`. */
export async function countLiveRules(args: { ctx: TenantContext; input: { now: number; exceptId: string | null } }): Promise<number> {
  const { ctx, input } = args;
  const { now, exceptId } = input;
  const row = await ctx.db
    .select({ n: count() })
    .from(discountRulesTable)
    .where(
      and(
        eq(discountRulesTable.tenantId, ctx.tenantId),
        eq(discountRulesTable.status, "active"),
        or(isNull(discountRulesTable.endsAt), gt(discountRulesTable.endsAt, new Date(now))),
        exceptId === null ? undefined : ne(discountRulesTable.id, exceptId),
      ),
    )
    .get();
  return row?.n ?? 0;
}
