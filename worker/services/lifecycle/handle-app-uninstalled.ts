import { and, eq, inArray } from "drizzle-orm";
import { jobsTable, tenantsTable } from "../../db/schema/index.ts";
import type { TenantContext } from "../../context/deps.ts";
import { tenantObject } from "../../context/tenant-object.ts";

/**
 * `app/uninstalled`: Shopify has already revoked the token. Drop it, stop queued work, keep the data:
 * a reinstall before `shop/redact` restores the same tenant.
 */
export async function handleAppUninstalled(ctx: TenantContext, now = Date.now()): Promise<void> {
  const tenant = tenantObject(ctx.env, ctx.tenantId);
  await tenant.dropTokens();
  await tenant.stopWork();
  await ctx.db.batch([
    ctx.db
      .update(tenantsTable)
      .set({ status: "uninstalled", uninstalledAt: new Date(now), updatedAt: new Date(now) })
      .where(eq(tenantsTable.id, ctx.tenantId)),
    ctx.db
      .update(jobsTable)
      .set({ status: "cancelled", finishedAt: new Date(now), error: "app uninstalled" })
      .where(and(eq(jobsTable.tenantId, ctx.tenantId), inArray(jobsTable.status, ["queued", "running"]))),
  ]);
  ctx.log.info("app uninstalled", { tenant: ctx.tenantId });
}
