import { z } from "zod";
import { SUBSCRIPTION_STATUSES } from "../../db/schema/index.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import { readWith, type Unmappable } from "../../shopify/payload/read-result.ts";
import { planBySubscriptionName } from "./plans.ts";
import type { SubscriptionObservation } from "./subscription-rows.ts";

const time = z.string().refine((value) => !Number.isNaN(Date.parse(value)), "is not a date");

const SubscriptionUpdateSchema = z.object({
  app_subscription: z.object({
    admin_graphql_api_id: z.string().startsWith("gid://shopify/AppSubscription/"),
    name: z.string(),
    // Shopify's examples spell it `ACTIVE`; older deliveries `active`.
    status: z.string().transform((status) => status.toUpperCase()).pipe(z.enum(SUBSCRIPTION_STATUSES)),
    created_at: time,
    updated_at: time,
  }),
});

/** An `app_subscriptions/update` delivery as an observation at its `updated_at`; a subscription of no SegOps plan is unmappable. */
export function readSubscriptionUpdate(tenantId: string, payload: unknown): Result<SubscriptionObservation, Unmappable> {
  const parsed = readWith(SubscriptionUpdateSchema, payload, "app_subscriptions/update");
  if (!parsed.ok) return parsed;
  const subscription = parsed.value.app_subscription;
  const plan = planBySubscriptionName(subscription.name);
  if (!plan) return err({ reason: `app_subscriptions/update: ${JSON.stringify(subscription.name)} is not a SegOps plan` });
  return ok({
    tenantId,
    subscriptionGid: subscription.admin_graphql_api_id,
    plan,
    status: subscription.status,
    at: Date.parse(subscription.updated_at),
    createdAt: Date.parse(subscription.created_at),
  });
}
