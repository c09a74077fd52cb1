import { Hono, type Context } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context/app-env.ts";
import { AppError } from "../../errors.ts";
import { validateJson } from "../../http/validate-input.ts";
import { tenantContext, tenantControlContext } from "../../http/tenant-context.ts";
import { confirmSubscription } from "../../services/billing/confirm-subscription.ts";
import { describeBilling, type BillingView } from "../../services/billing/describe-billing.ts";
import { PLAN_IDS } from "../../services/billing/plans.ts";
import { subscribeToPlan, type Subscribed } from "../../services/billing/subscribe-to-plan.ts";

export const SubscribeBody = z.object({ plan: z.enum(PLAN_IDS) }).strict();
export const ConfirmBody = z.object({ chargeId: z.string().regex(/^\d{1,20}$/, "is Shopify's numeric charge_id") }).strict();

export type BillingResponse = BillingView;
export type SubscribeResponse = Subscribed & { billing: BillingView };
export type ConfirmResponse = { outcome: { plan: BillingView["plan"]; status: string }; billing: BillingView };

async function billingContext(c: Context<AppEnv>) {
  const shopDomain = c.get("shop");
  if (!shopDomain) throw new Error("billing routes run after requireSessionToken");
  return { ctx: await tenantContext(c), shopDomain };
}

/**
 * The Billing page: `GET /billing` (plans, the one in force, trial, renewal, usage), `POST /billing/subscribe`
 * `{ plan }` (a paid plan answers Shopify's `confirmationUrl`, opened at the top level; Starter cancels at once), and
 * `POST /billing/confirm` `{ chargeId }` when the merchant is back from Shopify's confirmation page.
 */
export const billingRoutes = new Hono<AppEnv>()
  .get("/billing", async (c) => {
    const { ctx, shopDomain } = await billingContext(c);
    return c.json((await describeBilling({ ctx, input: { shopDomain, now: Date.now() } })) satisfies BillingResponse);
  })
  .post("/billing/subscribe", validateJson(SubscribeBody), async (c) => {
    const { ctx, shopDomain } = await billingContext(c);
    const subscribed = await subscribeToPlan({ ctx: tenantControlContext(c), input: { plan: c.req.valid("json").plan, shopDomain, now: Date.now() } });
    if (!subscribed.ok) throw new AppError(subscribed.error.reason === "same_plan" ? "conflict" : "shopify_unavailable", subscribed.error.message);
    const billing = await describeBilling({ ctx, input: { shopDomain, now: Date.now() } });
    return c.json({ ...subscribed.value, billing } satisfies SubscribeResponse);
  })
  .post("/billing/confirm", validateJson(ConfirmBody), async (c) => {
    const { ctx, shopDomain } = await billingContext(c);
    const confirmed = await confirmSubscription({ ctx: tenantControlContext(c), input: { chargeId: c.req.valid("json").chargeId, shopDomain, now: Date.now() } });
    if (!confirmed.ok) throw new AppError(confirmed.error.reason === "not_found" ? "not_found" : "shopify_unavailable", confirmed.error.message);
    const billing = await describeBilling({ ctx, input: { shopDomain, now: Date.now() } });
    return c.json({ outcome: confirmed.value, billing } satisfies ConfirmResponse);
  });
