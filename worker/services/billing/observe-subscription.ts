import { SUBSCRIPTION_STATUSES, type SubscriptionStatus } from "../../db/schema/index.ts";
import type { ShopifySubscription } from "./billing-documents.ts";
import { planBySubscriptionName } from "./plans.ts";
import type { SubscriptionObservation } from "./subscription-rows.ts";

const STATUSES = new Set<string>(SUBSCRIPTION_STATUSES);

/**
 * An AppSubscription read from the Admin API as an observation at `at` (the time we asked: GraphQL gives no
 * `updatedAt`). Null for a subscription that is not one of SegOps' plans.
 */
export function observeSubscription(tenantId: string, subscription: ShopifySubscription, at: number, approvedAt: number | null = null): SubscriptionObservation | null {
  const plan = planBySubscriptionName(subscription.name);
  if (!plan || !STATUSES.has(subscription.status)) return null;
  return {
    tenantId,
    subscriptionGid: subscription.id,
    plan,
    status: subscription.status as SubscriptionStatus,
    at,
    createdAt: Date.parse(subscription.createdAt),
    test: subscription.test,
    trialDays: subscription.trialDays,
    currentPeriodEnd: subscription.currentPeriodEnd ? Date.parse(subscription.currentPeriodEnd) : null,
    approvedAt,
  };
}
