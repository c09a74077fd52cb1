import { and, desc, eq } from "drizzle-orm";
import { jobsTable } from "../../db/schema/index.ts";
import { controlDeps, type TenantContext } from "../../context/deps.ts";
import { tenantObject } from "../../context/tenant-object.ts";
import { findTenantById } from "../tenants/find-tenant.ts";
import { backfillWindow } from "./backfill-window.ts";
import { describeBackfill, type BackfillJobView, type BackfillView } from "./describe-backfill.ts";

export async function latestBackfillJob(args: { ctx: TenantContext }): Promise<BackfillJobView | null> {
  const { ctx } = args;
  const row = await ctx.db
    .select()
    .from(jobsTable)
    .where(and(eq(jobsTable.tenantId, ctx.tenantId), eq(jobsTable.kind, "backfill")))
    .orderBy(desc(jobsTable.createdAt))
    .get();
  if (!row) return null;
  const reason = typeof row.params.reason === "string" ? row.params.reason : null;
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  return { id: row.id, status: row.status, reason, createdAt: row.createdAt.toISOString(), startedAt: iso(row.startedAt), finishedAt: iso(row.finishedAt), error: row.error };
}

/** Progress of the tenant's latest backfill, per resource, for the dashboard. */
export async function loadBackfillStatus(args: { ctx: TenantContext }): Promise<BackfillView> {
  const { ctx } = args;
  const now = Date.now();
  const [job, state, tenant] = await Promise.all([latestBackfillJob({ ctx }), tenantObject(ctx.env, ctx.tenantId).backfillState(), findTenantById({ ctx: controlDeps(ctx), input: { tenantId: ctx.tenantId } })]);
  return describeBackfill(job, state, backfillWindow(tenant?.grantedScopes ?? "", now).ordersDays, now);
}
