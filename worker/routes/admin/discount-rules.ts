import { Hono } from "hono";
import type { z } from "zod";
import type { AppEnv } from "../../context/app-env.ts";
import { AppError } from "../../errors.ts";
import { createDiscountRule } from "../../services/discounts/create-discount-rule.ts";
import { deleteDiscountRule } from "../../services/discounts/delete-discount-rule.ts";
import { CreateDiscountRuleInput, MAX_ACTIVE_RULES, UpdateDiscountRuleInput, type DiscountRuleError } from "../../services/discounts/discount-rule-input.ts";
import type { DiscountRuleView } from "../../services/discounts/discount-rule-view.ts";
import { listDiscountRules, type DiscountRulesList } from "../../services/discounts/list-discount-rules.ts";
import { updateDiscountRule } from "../../services/discounts/update-discount-rule.ts";
import { discountRuleIdParam } from "../../http/discount-rule-id-param.ts";
import { planLimitError } from "../../http/plan-limit-error.ts";
import { tenantContext } from "../../http/tenant-context.ts";
import { validateJson } from "../../http/validate-input.ts";

export type ListDiscountRulesResponse = DiscountRulesList;
export type DiscountRuleResponse = DiscountRuleView;
export type CreateDiscountRuleBody = z.input<typeof CreateDiscountRuleInput>;
export type UpdateDiscountRuleBody = z.input<typeof UpdateDiscountRuleInput>;

function discountRuleError(error: DiscountRuleError): AppError {
  switch (error.reason) {
    case "invalid":
      return new AppError("validation_failed", error.message, { details: { field: error.field } });
    case "not_found":
      return new AppError("not_found", error.message);
    case "segment_not_pushed":
      return new AppError("conflict", error.message, { details: { reason: error.reason, segment: error.segment, pushMode: error.pushMode } });
    case "limit_reached":
      return new AppError("conflict", error.message, { details: { reason: error.reason, active: error.active, maxActive: MAX_ACTIVE_RULES } });
    case "plan_limit":
      return planLimitError(error.refusal);
    case "shopify":
      return error.refused
        ? new AppError("conflict", `Shopify refused the discount: ${error.message}`, { details: { reason: "shopify_refused", shopifyCode: error.code } })
        : new AppError("shopify_unavailable", `Shopify could not be reached, so nothing was changed: ${error.message}`);
  }
}

/**
 * The Discounts page: segment discount rules, each saved into the automatic app discount of its group (rules
 * sharing dates and combinations), at most 25 active. `PATCH` with `{ status: "paused" }` pauses one.
 */
export const discountRuleRoutes = new Hono<AppEnv>()
  .get("/discounts", async (c) => c.json((await listDiscountRules({ ctx: await tenantContext(c) })) satisfies ListDiscountRulesResponse))
  .post("/discounts", validateJson(CreateDiscountRuleInput), async (c) => {
    const created = await createDiscountRule({ ctx: await tenantContext(c), input: c.req.valid("json") });
    if (!created.ok) throw discountRuleError(created.error);
    return c.json(created.value satisfies DiscountRuleResponse, 201);
  })
  .patch("/discounts/:id", discountRuleIdParam(), validateJson(UpdateDiscountRuleInput), async (c) => {
    const input = { id: c.req.valid("param").id, patch: c.req.valid("json") };
    const updated = await updateDiscountRule({ ctx: await tenantContext(c), input });
    if (!updated.ok) throw discountRuleError(updated.error);
    return c.json(updated.value satisfies DiscountRuleResponse);
  })
  .delete("/discounts/:id", discountRuleIdParam(), async (c) => {
    const deleted = await deleteDiscountRule({ ctx: await tenantContext(c), input: { id: c.req.valid("param").id } });
    if (!deleted.ok) throw discountRuleError(deleted.error);
    return c.body(null, 204);
  });
