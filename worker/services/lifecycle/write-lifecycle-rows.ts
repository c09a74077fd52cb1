import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { jobsTable, shopCredentialsTable, tenantsTable } from "../../db/schema/index.ts";
import { col } from "../../db/sql-names.ts";
import type { LifecyclePlan } from "./lifecycle-plan.ts";
import { cancelSubscriptionsOnUninstall } from "../billing/subscription-rows.ts";

/**
 * `app/uninstalled` in the control database: Shopify has already revoked the token, so it is deleted with the
 * tenant's move to `uninstalled` (and its app subscriptions are cancelled, as Shopify cancels them); the data stays
 * for a reinstall.
 */
export function writeUninstalls(rows: LifecyclePlan["uninstalls"], now: number): SQL[] {
  return rows.flatMap(({ tenantId }) => [
    sql`update ${tenantsTable} set ${col(tenantsTable.status)} = 'uninstalled', ${col(tenantsTable.uninstalledAt)} = ${now},
      ${col(tenantsTable.updatedAt)} = ${now} where ${eq(tenantsTable.id, tenantId)}`,
    sql`delete from ${shopCredentialsTable} where ${eq(shopCredentialsTable.tenantId, tenantId)}`,
    ...cancelSubscriptionsOnUninstall(tenantId, now),
  ]);
}

/** `app/uninstalled` on the tenant's shard: its queued and running jobs are cancelled. */
export function cancelJobsOnUninstall(rows: LifecyclePlan["uninstalls"], now: number): SQL[] {
  return rows.map(
    ({ tenantId }) => sql`update ${jobsTable} set ${col(jobsTable.status)} = 'cancelled', ${col(jobsTable.finishedAt)} = ${now},
      ${col(jobsTable.error)} = 'app uninstalled'
      where ${and(eq(jobsTable.tenantId, tenantId), inArray(jobsTable.status, ["queued", "running"]))}`,
  );
}

export function writeGrantedScopes(rows: LifecyclePlan["grantedScopes"], now: number): SQL[] {
  return rows.map(
    ({ tenantId, scopes }) =>
      sql`update ${tenantsTable} set ${col(tenantsTable.grantedScopes)} = ${scopes}, ${col(tenantsTable.updatedAt)} = ${now}
        where ${eq(tenantsTable.id, tenantId)}`,
  );
}
