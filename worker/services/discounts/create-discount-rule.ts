import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { TenantContext } from "../../context/deps.ts";
import { discountRulesTable } from "../../db/schema/index.ts";
import { newId } from "../../lib/ids.ts";
import { err, ok, type Result } from "../../lib/result.ts";
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
  await ctx.db.insert(discountRulesTable).values({ ...checked.value.values, id, tenantId: ctx.tenantId, createdAt: new Date(now), updatedAt: new Date(now) });
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
