import { errorMessage } from "../lib/log.ts";
import { scoreChangedProducts } from "../services/catalog/score-changed-products.ts";
import { listActiveTenantIds } from "./list-active-tenants.ts";
import type { CronJob } from "./types.ts";
import { forTenant } from "../context/deps.ts";

// Bounded work per invocation (D1 queries, wall time): products left over are scored by the next run.
const PRODUCTS_PER_CALL = 200;
const TIME_BUDGET_MS = 25_000;

/**
 * Nightly: scores the products never scored or changed since their last score. Tenants take turns, one call each
 * per round, so a large catalog does not starve the others.
 */
export const rescoreChangedProducts: CronJob = async (deps) => {
  const started = Date.now();
  let pending = await listActiveTenantIds(deps);
  const counts = { tenants: pending.length, scored: 0, dropTriggers: 0, failed: 0 };
  while (pending.length > 0 && Date.now() - started < TIME_BUDGET_MS) {
    const next: string[] = [];
    for (const tenantId of pending) {
      if (Date.now() - started >= TIME_BUDGET_MS) break;
      try {
        const outcome = await scoreChangedProducts({ ctx: forTenant(deps, tenantId), input: { limit: PRODUCTS_PER_CALL } });
        counts.scored += outcome.scored;
        counts.dropTriggers += outcome.dropTriggers;
        if (outcome.more && outcome.scored > 0) next.push(tenantId);
      } catch (error) {
        counts.failed++;
        deps.log.error("product scoring failed", { tenant: tenantId, error: errorMessage(error) });
      }
    }
    pending = next;
  }
  return counts;
};
