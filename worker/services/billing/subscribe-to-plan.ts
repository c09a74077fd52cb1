import { adminClientOf } from "../../context/admin-context.ts";
import type { TenantControl } from "../../context/deps.ts";
import { runStatements } from "../../db/run-statements.ts";
import type { Plan } from "../../db/schema/index.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import type { AdminClient, AdminGraphqlError } from "../../shopify/admin-graphql.ts";
import { embeddedAdminUrl } from "../../shopify/embedded-admin-url.ts";
import { CANCEL_SUBSCRIPTION, CREATE_SUBSCRIPTION, SHOP_PLAN, type ShopifySubscription, type ShopifyUserError } from "./billing-documents.ts";
import type { BillingState } from "./billing-state.ts";
import { loadBillingState } from "./load-billing-state.ts";
import { observeSubscription } from "./observe-subscription.ts";
import { isUpgrade, PLAN_TABLE, subscriptionName } from "./plans.ts";
import { writeSubscriptionObservations } from "./subscription-rows.ts";
import { settleTrialDays } from "./trial-ledger.ts";

export type Subscribed =
  /** Send the merchant, top level, to Shopify's page to approve the charge. */
  | { kind: "confirm"; plan: Plan; confirmationUrl: string; trialDays: number; replacementBehavior: ReplacementBehavior }
  /** Back on Starter: the paid subscription is cancelled. */
  | { kind: "cancelled"; plan: "starter" };

export type SubscribeError =
  | { reason: "same_plan"; message: string }
  | { reason: "shopify"; message: string; error?: AdminGraphqlError };

type ReplacementBehavior = "APPLY_IMMEDIATELY" | "APPLY_ON_NEXT_BILLING_CYCLE";

type CreatePayload = { appSubscriptionCreate: { appSubscription: ShopifySubscription | null; confirmationUrl: string | null; userErrors: ShopifyUserError[] } };
type CancelPayload = { appSubscriptionCancel: { appSubscription: ShopifySubscription | null; userErrors: ShopifyUserError[] } };

/**
 * Upgrades apply at once; a cheaper paid plan waits for the end of the period already paid for, unless the current
 * plan is still in its trial (nothing is paid yet).
 */
export function replacementFor(state: BillingState, plan: Plan): ReplacementBehavior {
  return isUpgrade(state.plan, plan) || state.trial ? "APPLY_IMMEDIATELY" : "APPLY_ON_NEXT_BILLING_CYCLE";
}

const shopifyError = (action: string, error: AdminGraphqlError): SubscribeError => ({ reason: "shopify", message: `${action}: ${error.message}`, error });
const refused = (action: string, errors: ShopifyUserError[]): SubscribeError => ({ reason: "shopify", message: `${action}: ${errors.map((e) => e.message).join("; ")}` });

/**
 * Moves the workspace to `plan`: a paid plan through `appSubscriptionCreate` (the merchant approves it on Shopify's
 * page; a development store's charge is a test charge; the trial is what the shop has left of its 30 days), Starter
 * by cancelling the paid subscription. What Shopify answers is recorded at once.
 */
export async function subscribeToPlan(args: { ctx: TenantControl; input: { plan: Plan; shopDomain: string; now: number } }): Promise<Result<Subscribed, SubscribeError>> {
  const { input } = args;
  const ctx = { ...args.ctx, admin: adminClientOf(args.ctx, args.ctx.tenantId) };
  const state = await loadBillingState({ ctx, input });
  if (input.plan === state.plan) return err({ reason: "same_plan", message: `This workspace is already on ${PLAN_TABLE[input.plan].name}.` });
  if (input.plan === "starter") return cancelToStarter(ctx, state, input);

  const shop = await ctx.admin.request<{ shop: { plan: { partnerDevelopment: boolean } } }>(SHOP_PLAN);
  if (!shop.ok) return err(shopifyError("Reading the shop's plan", shop.error));
  const definition = PLAN_TABLE[input.plan];
  const trialDays = Math.min(definition.trialDays, state.trialDaysAvailable);
  const replacementBehavior = replacementFor(state, input.plan);
  const created = await ctx.admin.request<CreatePayload>(CREATE_SUBSCRIPTION, {
    name: subscriptionName(input.plan),
    lineItems: [{ plan: { appRecurringPricingDetails: { price: { amount: definition.price, currencyCode: "USD" }, interval: definition.interval } } }],
    returnUrl: `${embeddedAdminUrl(ctx.config, input.shopDomain)}/billing`,
    test: shop.value.shop.plan.partnerDevelopment,
    trialDays,
    replacementBehavior,
  });
  if (!created.ok) return err(shopifyError("Creating the subscription", created.error));
  const { appSubscription, confirmationUrl, userErrors } = created.value.appSubscriptionCreate;
  if (userErrors.length > 0 || !appSubscription || !confirmationUrl) return err(refused("Shopify did not create the subscription", userErrors));
  const observed = observeSubscription(ctx.tenantId, appSubscription, Date.parse(appSubscription.createdAt));
  if (observed) await runStatements(ctx.d1, writeSubscriptionObservations([observed], input.now));
  return ok({ kind: "confirm", plan: input.plan, confirmationUrl, trialDays, replacementBehavior });
}

async function cancelToStarter(ctx: TenantControl & { admin: AdminClient }, state: BillingState, input: { shopDomain: string; now: number }): Promise<Result<Subscribed, SubscribeError>> {
  // A downgrade approved for the next period goes too: Starter starts now.
  for (const current of [state.scheduled, state.active]) {
    if (!current) continue;
    const cancelled = await ctx.admin.request<CancelPayload>(CANCEL_SUBSCRIPTION, { id: current.subscriptionGid });
    if (!cancelled.ok) return err(shopifyError("Cancelling the subscription", cancelled.error));
    const { appSubscription, userErrors } = cancelled.value.appSubscriptionCancel;
    if (userErrors.length > 0 || !appSubscription) return err(refused("Shopify did not cancel the subscription", userErrors));
    const observed = observeSubscription(ctx.tenantId, appSubscription, input.now);
    if (observed) await runStatements(ctx.d1, writeSubscriptionObservations([observed], input.now));
  }
  await settleTrialDays({ ctx, input });
  return ok({ kind: "cancelled", plan: "starter" });
}
