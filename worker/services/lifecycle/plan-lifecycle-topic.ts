import { z } from "zod";
import { err, ok, type Result } from "../../lib/result.ts";
import type { HandledTopic } from "../../shopify/webhook-topics.ts";
import type { LifecyclePlan } from "./lifecycle-plan.ts";
import { readWith, type Unmappable } from "../../shopify/payload/read-result.ts";
import { readSubscriptionUpdate } from "../billing/read-subscription-update.ts";

type LifecyclePlanner = (plan: LifecyclePlan, tenantId: string, payload: unknown) => Result<void, Unmappable>;

const ScopesUpdateSchema = z.object({ current: z.array(z.string()) });
const BulkFinishSchema = z.object({ admin_graphql_api_id: z.string() });

/**
 * Lifecycle topics: rows written with the plan, then effects the consumer runs after the write. `app/uninstalled`
 * keeps the data (a reinstall before `shop/redact` restores the tenant); the admin compares the scopes granted by
 * `app/scopes_update` with the declared ones; `bulk_operations/finish` has the backfill poll the finished export;
 * `app_subscriptions/update` keeps the subscription's status, then moves the days of a trial that ended to the ledger.
 */
const PLANNERS: Record<HandledTopic<"lifecycle">, LifecyclePlanner> = {
  "app/uninstalled": (plan, tenantId) => {
    plan.uninstalls.push({ tenantId });
    plan.effects.push({ type: "stop_tenant", tenantId }, { type: "settle_trial_days", tenantId });
    return ok(undefined);
  },
  "app/scopes_update": (plan, tenantId, payload) => {
    const parsed = readWith(ScopesUpdateSchema, payload, "app/scopes_update");
    if (!parsed.ok) return parsed;
    plan.grantedScopes.push({ tenantId, scopes: parsed.value.current.join(",") });
    plan.effects.push({ type: "clear_access_denied", tenantId });
    return ok(undefined);
  },
  "bulk_operations/finish": (plan, tenantId, payload) => {
    const parsed = readWith(BulkFinishSchema, payload, "bulk_operations/finish");
    if (!parsed.ok) return parsed;
    plan.effects.push({ type: "poll_bulk_operation", tenantId, operationId: parsed.value.admin_graphql_api_id });
    return ok(undefined);
  },
  "app_subscriptions/update": (plan, tenantId, payload) => {
    const observed = readSubscriptionUpdate(tenantId, payload);
    if (!observed.ok) return observed;
    plan.subscriptionUpdates.push(observed.value);
    plan.effects.push({ type: "settle_trial_days", tenantId });
    return ok(undefined);
  },
};

const PLANNER_BY_TOPIC = new Map<string, LifecyclePlanner>(Object.entries(PLANNERS));

export const PLANNED_LIFECYCLE_TOPICS = [...PLANNER_BY_TOPIC.keys()];

/** Plans a lifecycle delivery without touching anything: no Durable Object, queue or D1 call happens here. */
export function planLifecycleTopic(plan: LifecyclePlan, tenantId: string, topic: string, payload: unknown): Result<void, Unmappable> {
  const planner = PLANNER_BY_TOPIC.get(topic);
  if (!planner) return err({ reason: `no handler for lifecycle topic ${topic}` });
  return planner(plan, tenantId, payload);
}
