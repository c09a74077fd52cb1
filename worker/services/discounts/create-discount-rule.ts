import { and, eq, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { TenantContext } from "../../context/deps.ts";
import { rowWhere } from "../../db/row-where.ts";
import { discountRulesTable } from "../../db/schema/index.ts";
import { newId } from "../../lib/ids.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import type { PlanLimitRefusal } from "../billing/check-plan-limit.ts";
import { PLAN_WRITE_ATTEMPTS, writeWithinPlan } from "../billing/write-within-plan.ts";
import { checkDiscountRule } from "./check-discount-rule.ts";
import { isLive } from "./count-live-rules.ts";
import type { CreateDiscountRuleInput, DiscountRuleError } from "./discount-rule-input.ts";
import { toDiscountRuleView, type DiscountRuleView } from "./discount-rule-view.ts";
import { findDiscountRule } from "./find-discount-rule.ts";
import { syncShopifyDiscounts } from "./sync-shopify-discounts.ts";

/**
 * Saves a rule and puts it into its Shopify discount (made if its group has none yet). When Shopify refuses, the
 * rule is removed again and the discounts put back as they were, so nothing is saved that does not apply.
 */
export async function createDiscountRule(args: {
  ctx: TenantContext;
  input: z.output<typeof CreateDiscountRuleInput>;
}): Promise<Result<DiscountRuleView, DiscountRuleError>> {
  const { ctx, input } = args;
  const now = Date.now();
  const checked = await checkDiscountRule({ ctx, input: { fields: input, existing: null, now } });
  if (!checked.ok) return checked;
  const id = newId("discount", now);
  const row = { ...checked.value.values, id, tenantId: ctx.tenantId, createdAt: new Date(now), updatedAt: new Date(now) };
  if (row.status === "active") {
    const refused = await insertActiveRule(ctx, row);
    if (refused) return err({ reason: "plan_limit", message: refused.message, refusal: refused });
  } else await ctx.db.insert(discountRulesTable).values(row);
  // A paused rule changes no Shopify discount.
  const synced = isLive(checked.value.values, now) ? await syncShopifyDiscounts({ ctx, input: { now } }) : ok(undefined);
  if (!synced.ok) {
    await ctx.db.delete(discountRulesTable).where(and(eq(discountRulesTable.tenantId, ctx.tenantId), eq(discountRulesTable.id, id)));
    await syncShopifyDiscounts({ ctx, input: { now } });
    return err(synced.error);
  }
  const saved = await findDiscountRule({ ctx, input: { id } });
  return ok(toDiscountRuleView(saved!.rule, saved!.segment, now));
}

/** An active rule takes one of the plan's places in the statement that saves it, so concurrent creates can't share one. */
async function insertActiveRule(ctx: TenantContext, row: typeof discountRulesTable.$inferInsert): Promise<PlanLimitRefusal | null> {
  const write = async (room: SQL) => (await ctx.db.insert(discountRulesTable).select(rowWhere(discountRulesTable, row, room)).returning({ id: discountRulesTable.id }))[0];
  const saved = await writeWithinPlan({ ctx, input: { limit: "discounts", write, attempts: PLAN_WRITE_ATTEMPTS } });
  if (!saved.ok) return saved.error;
  if (!saved.value) throw new Error(`discount rule ${row.id}: the plan had room, yet ${PLAN_WRITE_ATTEMPTS} guarded inserts wrote nothing`);
  return null;
}
