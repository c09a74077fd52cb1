import { adminClientOf } from "../../context/admin-context.ts";
import type { TenantControl } from "../../context/deps.ts";
import { runStatements } from "../../db/run-statements.ts";
import type { Plan, SubscriptionStatus } from "../../db/schema/index.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import type { AdminGraphqlError } from "../../shopify/admin-graphql.ts";
import { READ_SUBSCRIPTION, type ShopifySubscription } from "./billing-documents.ts";
import { observeSubscription } from "./observe-subscription.ts";
import { writeSubscriptionObservations } from "./subscription-rows.ts";
import { settleTrialDays } from "./trial-ledger.ts";

export type ConfirmedSubscription = { plan: Plan; status: SubscriptionStatus };
export type ConfirmError = { reason: "not_found"; message: string } | { reason: "shopify"; message: string; error: AdminGraphqlError };

/**
 * The merchant is back from Shopify's confirmation page (`charge_id` on the return URL): what Shopify says of that
 * subscription now is recorded at once, so the Billing page shows the outcome without waiting for the webhook.
 * Shopify only answers for this shop's own subscriptions of this app, so a charge id of another shop is not found.
 */
export async function confirmSubscription(args: { ctx: TenantControl; input: { chargeId: string; shopDomain: string; now: number } }): Promise<Result<ConfirmedSubscription, ConfirmError>> {
  const { input } = args;
  const ctx = { ...args.ctx, admin: adminClientOf(args.ctx, args.ctx.tenantId) };
  const id = `gid://shopify/AppSubscription/${input.chargeId}`;
  const read = await ctx.admin.request<{ node: Partial<ShopifySubscription> | null }>(READ_SUBSCRIPTION, { id });
  if (!read.ok) return err({ reason: "shopify", message: `Reading the subscription: ${read.error.message}`, error: read.error });
  // `node` of another type (or another app's id) selects no field of the fragment: an empty object.
  const subscription = read.value.node?.id ? (read.value.node as ShopifySubscription) : null;
  // Back from the page and still PENDING: approved, waiting for the current period to end.
  const approvedAt = subscription?.status === "ACTIVE" || subscription?.status === "PENDING" ? input.now : null;
  const observed = subscription ? observeSubscription(ctx.tenantId, subscription, input.now, approvedAt) : null;
  if (!observed) return err({ reason: "not_found", message: `No SegOps subscription ${input.chargeId} on this shop.` });
  await runStatements(ctx.d1, writeSubscriptionObservations([observed], input.now));
  await settleTrialDays({ ctx, input });
  return ok({ plan: observed.plan, status: observed.status });
}
