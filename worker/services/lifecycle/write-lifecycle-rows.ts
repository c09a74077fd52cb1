import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { jobsTable, shopCredentialsTable, tenantsTable } from "../../db/schema/index.ts";
import type { LifecyclePlan } from "./lifecycle-plan.ts";
import { cancelSubscriptionsOnUninstall } from "../billing/subscription-rows.ts";

const column = (col: { name: string }) => sql.identifier(col.name);

/**
 * `app/uninstalled` in the plan's transaction: Shopify has already revoked the token, so it is deleted with the
 * tenant's move to `uninstalled` and the cancellation of its queued jobs (and of its app subscriptions, as Shopify
 * cancels them); the data stays for a reinstall.
 */
export function writeUninstalls(rows: LifecyclePlan["uninstalls"], now: number): SQL[] {
  return rows.flatMap(({ tenantId }) => [
    sql`update ${tenantsTable} set ${column(tenantsTable.status)} = 'uninstalled', ${column(tenantsTable.uninstalledAt)} = ${now},
      ${column(tenantsTable.updatedAt)} = ${now} where ${eq(tenantsTable.id, tenantId)}`,
    sql`delete from ${shopCredentialsTable} where ${eq(shopCredentialsTable.tenantId, tenantId)}`,
    sql`update ${jobsTable} set ${column(jobsTable.status)} = 'cancelled', ${column(jobsTable.finishedAt)} = ${now},
      ${column(jobsTable.error)} = 'app uninstalled'
      where ${and(eq(jobsTable.tenantId, tenantId), inArray(jobsTable.status, ["queued", "running"]))}`,
    ...cancelSubscriptionsOnUninstall(tenantId, now),
  ]);
}

export function writeGrantedScopes(rows: LifecyclePlan["grantedScopes"], now: number): SQL[] {
  return rows.map(
    ({ tenantId, scopes }) =>
      sql`update ${tenantsTable} set ${column(tenantsTable.grantedScopes)} = ${scopes}, ${column(tenantsTable.updatedAt)} = ${now}
        where ${eq(tenantsTable.id, tenantId)}`,
  );
}
