import { errorMessage } from "../lib/log.ts";
import { scoreChangedProducts } from "../services/catalog/score-changed-products.ts";
import { requestMetafieldPush } from "../services/catalog/metafields/request-metafield-push.ts";
import { refreshMentionCounts } from "../services/mentions/refresh-mention-counts.ts";
import { listActiveTenantIds } from "./list-active-tenants.ts";
import type { CronJob } from "./types.ts";
import type { TenantContext } from "../context/deps.ts";
import { forCronTenants } from "./for-cron-tenant.ts";

// Bounded work per invocation (D1 queries, wall time): the push job scores whatever this run leaves.
const PRODUCTS_PER_CALL = 200;
const TIME_BUDGET_MS = 25_000;

/**
 * Nightly: recounts 30-day mentions, scores the products never scored or changed since their last score (tenants
 * take turns, one call each per round, so a large catalog does not starve the others), then starts each tenant's
 * metafield push, which scores the rest page by page and writes what changed to Shopify.
 */
export const scoreAndPushMetafields: CronJob = async (deps, now) => {
  const started = Date.now();
  const tenants = await forCronTenants(deps, await listActiveTenantIds(deps));
  const counts = { tenants: tenants.length, mentionsRecounted: 0, scored: 0, dropTriggers: 0, pushes: 0, failed: 0 };
  const guarded = async (ctx: TenantContext, what: string, work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      counts.failed++;
      deps.log.error(`${what} failed`, { tenant: ctx.tenantId, error: errorMessage(error) });
    }
  };
  for (const ctx of tenants) {
    await guarded(ctx, "mention recount", async () => {
      counts.mentionsRecounted += await refreshMentionCounts({ ctx, input: { now: now.getTime() } });
    });
  }
  let pending = tenants;
  while (pending.length > 0 && Date.now() - started < TIME_BUDGET_MS) {
    const next: TenantContext[] = [];
    for (const ctx of pending) {
      if (Date.now() - started >= TIME_BUDGET_MS) break;
      await guarded(ctx, "product scoring", async () => {
        const outcome = await scoreChangedProducts({ ctx, input: { limit: PRODUCTS_PER_CALL } });
        counts.scored += outcome.scored;
        counts.dropTriggers += outcome.dropTriggers;
        if (outcome.more && outcome.scored > 0) next.push(ctx);
      });
    }
    pending = next;
  }
  for (const ctx of tenants) {
    await guarded(ctx, "metafield push request", async () => {
      if ((await requestMetafieldPush({ ctx, input: { reason: "nightly", now: now.getTime() } })).started) counts.pushes++;
    });
  }
  return counts;
};
