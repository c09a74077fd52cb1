import { and, eq } from "drizzle-orm";
import type { TenantContext } from "../../context/deps.ts";
import { discountRulesTable } from "../../db/schema/index.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import type { DiscountRuleError } from "./discount-rule-input.ts";
import { syncShopifyDiscounts } from "./sync-shopify-discounts.ts";

/** Deletes a rule and takes it out of its Shopify discount (deleting the discount when it was the last rule). */
export async function deleteDiscountRule(args: { ctx: TenantContext; input: { id: string } }): Promise<Result<void, DiscountRuleError>> {
  const { ctx, input } = args;
  const now = Date.now();
  const [deleted] = await ctx.db
    .delete(discountRulesTable)
    .where(and(eq(discountRulesTable.tenantId, ctx.tenantId), eq(discountRulesTable.id, input.id)))
    .returning();
  if (!deleted) return err({ reason: "not_found", message: `No discount rule ${input.id} in this workspace.` });
  const synced = await syncShopifyDiscounts({ ctx, input: { now } });
  if (!synced.ok) {
    await ctx.db.insert(discountRulesTable).values(deleted);
    await syncShopifyDiscounts({ ctx, input: { now } });
    return err(synced.error);
  }
  return ok(undefined);
}
