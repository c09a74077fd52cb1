import { forCronTenant } from "./for-cron-tenant.ts";
import { errorMessage } from "../lib/log.ts";
import { refreshRecommendations } from "../services/recommendations/refresh-recommendations.ts";
import { listActiveTenantIds } from "./list-active-tenants.ts";
import type { CronJob } from "./types.ts";

// Bounded wall time per run; tenants left over are first in line next hour (those refreshed now are skipped then).
const TIME_BUDGET_MS = 25_000;

/** Hourly: rebuilds each active tenant's recommendation scores whose orders changed (or at least every 6 hours). */
export const refreshRecommendationScores: CronJob = async (deps, now) => {
  const started = Date.now();
  const counts = { tenants: 0, refreshed: 0, skipped: 0, failed: 0 };
  for (const tenantId of await listActiveTenantIds(deps)) {
    if (Date.now() - started > TIME_BUDGET_MS) break;
    counts.tenants++;
    try {
      const ctx = await forCronTenant(deps, tenantId);
      if (!ctx) {
        counts.skipped++;
        continue;
      }
      const outcome = await refreshRecommendations({ ctx, input: { now } });
      counts[outcome.refreshed ? "refreshed" : "skipped"]++;
    } catch (error) {
      counts.failed++;
      deps.log.error("recommendation refresh failed", { tenant: tenantId, error: errorMessage(error) });
    }
  }
  return counts;
};
