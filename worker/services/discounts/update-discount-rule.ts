import { and, eq, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { TenantContext } from "../../context/deps.ts";
import { discountRulesTable } from "../../db/schema/index.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import { PLAN_WRITE_ATTEMPTS, writeWithinPlan } from "../billing/write-within-plan.ts";
import { checkDiscountRule } from "./check-discount-rule.ts";
import { isLive } from "./count-live-rules.ts";
import type { DiscountRuleError, DiscountRuleFields, UpdateDiscountRuleInput } from "./discount-rule-input.ts";
import { toDiscountRuleView, type DiscountRuleView } from "./discount-rule-view.ts";
import { findDiscountRule } from "./find-discount-rule.ts";
import type { DiscountRuleRow } from "./group-discount-rules.ts";
import { syncShopifyDiscounts } from "./sync-shopify-discounts.ts";

const notFound = (id: string): DiscountRuleError => ({ reason: "not_found", message: `No discount rule ${id} in this workspace.` });

function fieldsOf(rule: DiscountRuleRow, slug: string): DiscountRuleFields {
  return {
    title: rule.title,
    segment: slug,
    valueType: rule.valueType,
    value: rule.value,
    target: rule.target,
    targetIds: rule.targetIds,
    minimumSubtotal: rule.minimumSubtotal,
    startsAt: rule.startsAt?.toISOString() ?? null,
    endsAt: rule.endsAt?.toISOString() ?? null,
    combinesWith: rule.combinesWith,
    status: rule.status === "active" ? "active" : "paused",
  };
}

/** Edits, pauses (`status: "paused"`) or resumes a rule; Shopify's discounts follow, or the rule is put back. */
export async function updateDiscountRule(args: {
  ctx: TenantContext;
  input: { id: string; patch: z.output<typeof UpdateDiscountRuleInput> };
}): Promise<Result<DiscountRuleView, DiscountRuleError>> {
  const { ctx, input } = args;
  const now = Date.now();
  const found = await findDiscountRule({ ctx, input: { id: input.id } });
  if (!found) return err(notFound(input.id));
  const patch = Object.fromEntries(Object.entries(input.patch).filter(([, value]) => value !== undefined));
  const fields: DiscountRuleFields = { ...fieldsOf(found.rule, found.segment.slug), ...patch };
  const checked = await checkDiscountRule({ ctx, input: { fields, existing: found.rule, now } });
  if (!checked.ok) return checked;
  const where = and(eq(discountRulesTable.tenantId, ctx.tenantId), eq(discountRulesTable.id, input.id));
  const update = (guard?: SQL) => ctx.db.update(discountRulesTable).set({ ...checked.value.values, updatedAt: new Date(now) }).where(and(where, guard)).returning();
  // Resuming a rule takes one of the plan's places in the statement that resumes it.
  const resuming = checked.value.values.status === "active" && found.rule.status !== "active";
  const written = resuming
    ? await writeWithinPlan({ ctx, input: { limit: "discounts", write: async (room) => (await update(room))[0], attempts: PLAN_WRITE_ATTEMPTS } })
    : ok((await update())[0] ?? null);
  if (!written.ok) return err({ reason: "plan_limit", message: written.error.message, refusal: written.error });
  if (!written.value) return err(notFound(input.id));
  // A rule that was not live and still is not changes no Shopify discount.
  const touchesShopify = isLive(found.rule, now) || isLive(checked.value.values, now);
  const synced = touchesShopify ? await syncShopifyDiscounts({ ctx, input: { now } }) : ok(undefined);
  if (!synced.ok) {
    const { id: _id, tenantId: _tenantId, ...previous } = found.rule;
    await ctx.db.update(discountRulesTable).set(previous).where(where);
    await syncShopifyDiscounts({ ctx, input: { now } });
    return err(synced.error);
  }
  const saved = await findDiscountRule({ ctx, input: { id: input.id } });
  return ok(toDiscountRuleView(saved!.rule, saved!.segment, now));
}
