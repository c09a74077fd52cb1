import { and, eq, inArray } from "drizzle-orm";
import { adminClientOf } from "../../context/admin-context.ts";
import type { TenantControl } from "../../context/deps.ts";
import { runStatements } from "../../db/run-statements.ts";
import { billingSubscriptionsTable } from "../../db/schema/index.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import type { AdminGraphqlError } from "../../shopify/admin-graphql.ts";
import { READ_SUBSCRIPTIONS, type ShopifySubscription } from "./billing-documents.ts";
import { observeSubscription } from "./observe-subscription.ts";
import { writeSubscriptionObservations, type SubscriptionObservation } from "./subscription-rows.ts";
import { settleTrialDays } from "./trial-ledger.ts";

type SubscriptionsPayload = {
  currentAppInstallation: { activeSubscriptions: ShopifySubscription[] };
  nodes: (Partial<ShopifySubscription> | null)[];
};

/**
 * Nightly: what Shopify bills now (`currentAppInstallation.activeSubscriptions`) and the current status of every
 * subscription SegOps holds as live, recorded as of now. A webhook that never came (or came for a subscription SegOps
 * never saw created) is repaired; `changed` counts the subscriptions whose status was not what SegOps held.
 */
export async function syncSubscriptions(args: { ctx: TenantControl; input: { shopDomain: string; now: number } }): Promise<Result<{ checked: number; changed: number }, AdminGraphqlError>> {
  const { input } = args;
  const ctx = { ...args.ctx, admin: adminClientOf(args.ctx, args.ctx.tenantId) };
  const s = billingSubscriptionsTable;
  const held = await ctx.db
    .select({ gid: s.subscriptionGid, status: s.status })
    .from(s)
    .where(and(eq(s.tenantId, ctx.tenantId), inArray(s.status, ["PENDING", "ACCEPTED", "ACTIVE", "FROZEN"])));
  const read = await ctx.admin.request<SubscriptionsPayload>(READ_SUBSCRIPTIONS, { ids: held.map((row) => row.gid) });
  if (!read.ok) return err(read.error);
  const seen = new Map<string, ShopifySubscription>();
  for (const node of [...read.value.nodes, ...read.value.currentAppInstallation.activeSubscriptions]) if (node?.id) seen.set(node.id, node as ShopifySubscription);
  const observations = [...seen.values()]
    .map((subscription) => observeSubscription(ctx.tenantId, subscription, input.now))
    .filter((row): row is SubscriptionObservation => row !== null);
  const before = new Map(held.map((row) => [row.gid, row.status]));
  const changed = observations.filter((row) => before.get(row.subscriptionGid) !== row.status).length;
  await runStatements(ctx.d1, writeSubscriptionObservations(observations, input.now));
  await settleTrialDays({ ctx, input });
  return ok({ checked: observations.length, changed });
}
