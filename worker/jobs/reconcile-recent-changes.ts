import { and, eq, inArray, lt } from "drizzle-orm";
import { BACKFILL_RESOURCES, type BackfillMessage } from "../../queues/backfill-messages.ts";
import { jobsTable } from "../db/schema/index.ts";
import { newId } from "../lib/ids.ts";
import { listActiveTenantIds } from "./list-active-tenants.ts";
import type { CronJob } from "./types.ts";

const WINDOW_MS = 48 * 60 * 60 * 1000;
const GRACE_MS = 5 * 60 * 1000;
const SEND_BATCH = 100;
const INSERT_ROWS = 10;

/**
 * Nightly: one reconciliation job per active tenant, re-reading what changed in the last 48 h through the backfill
 * queue (webhooks Shopify never delivered). Also starts backfill jobs left queued (an operator's re-run, a lost start)
 * and polls running ones, which restarts any whose next message was lost.
 */
export const reconcileRecentChanges: CronJob = async (deps, now) => {
  const tenants = await listActiveTenantIds(deps);
  const since = now.getTime() - WINDOW_MS;
  const jobs = tenants.map((tenantId) => ({ id: newId("job"), tenantId, kind: "reconcile" as const, status: "running" as const, params: { since }, createdAt: now, startedAt: now }));
  for (let i = 0; i < jobs.length; i += INSERT_ROWS) await deps.db.insert(jobsTable).values(jobs.slice(i, i + INSERT_ROWS));
  const messages: BackfillMessage[] = jobs.map((job) => ({ type: "reconcile", tenantId: job.tenantId, jobId: job.id, resource: "orders", since, after: null, counts: {} }));

  const backfills = await deps.db
    .select({ id: jobsTable.id, tenantId: jobsTable.tenantId, status: jobsTable.status, params: jobsTable.params })
    .from(jobsTable)
    .where(and(eq(jobsTable.kind, "backfill"), lt(jobsTable.createdAt, new Date(now.getTime() - GRACE_MS)), inArray(jobsTable.status, ["queued", "running"])));
  for (const job of backfills) {
    const target = { tenantId: job.tenantId, jobId: job.id };
    if (job.status === "running") {
      for (const resource of BACKFILL_RESOURCES) messages.push({ type: "poll", ...target, resource, attempt: 0 });
      continue;
    }
    const reason = job.params.reason === "install" || job.params.reason === "manual" ? job.params.reason : "operator";
    messages.push({ type: "start", ...target, reason });
  }

  for (let i = 0; i < messages.length; i += SEND_BATCH) {
    await deps.env.BACKFILL_QUEUE.sendBatch(messages.slice(i, i + SEND_BATCH).map((body) => ({ body })));
  }
  return { tenants: tenants.length, backfills: backfills.length };
};
