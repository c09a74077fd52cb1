import { eq } from "drizzle-orm";
import { tenantControl } from "../context/deps.ts";
import { forCronTenant } from "./for-cron-tenant.ts";
import { tenantsTable } from "../db/schema/index.ts";
import { errorMessage } from "../lib/log.ts";
import { syncSubscriptions } from "../services/billing/sync-subscriptions.ts";
import type { CronJob } from "./types.ts";

// Each tenant is one Admin API call through its own cost bucket: a few at a time keeps the run short without a burst.
const AT_ONCE = 8;

/**
 * Nightly: every active tenant's subscriptions as Shopify bills them now (`currentAppInstallation.activeSubscriptions`
 * and the status of those SegOps holds as live), so a lost `app_subscriptions/update` changes the plan by morning.
 * A tenant Shopify cannot be asked about now is logged and tried again the next night.
 */
export const repairBillingDrift: CronJob = async (deps, now) => {
  const tenants = await deps.db.select({ id: tenantsTable.id, shop: tenantsTable.shopDomain }).from(tenantsTable).where(eq(tenantsTable.status, "active"));
  const counts = { tenants: tenants.length, checked: 0, repaired: 0, failed: 0 };
  for (let i = 0; i < tenants.length; i += AT_ONCE) {
    await Promise.all(
      tenants.slice(i, i + AT_ONCE).map(async ({ id, shop }) => {
        if (!shop) return;
        try {
          const ctx = await forCronTenant(deps, id);
          if (!ctx) return;
          const synced = await syncSubscriptions({ ctx: tenantControl(ctx), input: { shopDomain: shop, now: now.getTime() } });
          if (!synced.ok) throw new Error(synced.error.message);
          counts.checked += synced.value.checked;
          counts.repaired += synced.value.changed;
        } catch (error) {
          counts.failed += 1;
          deps.log.warn("billing drift check failed", { tenant: id, error: errorMessage(error) });
        }
      }),
    );
  }
  return counts;
};
