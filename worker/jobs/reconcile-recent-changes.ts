import { and, eq, lt } from "drizzle-orm";
import type { BackfillMessage } from "../../queues/backfill-messages.ts";
import { jobsTable } from "../db/schema/index.ts";
import { newId } from "../lib/ids.ts";
import { listActiveTenantIds } from "./list-active-tenants.ts";
import type { CronJob } from "./types.ts";

const WINDOW_MS = 48 * 60 * 60 * 1000;
const QUEUED_GRACE_MS = 5 * 60 * 1000;
const SEND_BATCH = 100;
const INSERT_ROWS = 10;

/**
 * Nightly: one reconciliation job per active tenant, re-reading what changed in the last 48 h through the backfill
 * queue (webhooks Shopify never delivered). Also starts backfill jobs left queued (an operator's re-run, a lost start).
 */
export const reconcileRecentChanges: CronJob = async (deps, now) => {
  const tenants = await listActiveTenantIds(deps);
  const since = now.getTime() - WINDOW_MS;
  const jobs = tenants.map((tenantId) => ({ id: newId("job"), tenantId, kind: "reconcile" as const, status: "running" as const, params: { since }, createdAt: now, startedAt: now }));
  for (let i = 0; i < jobs.length; i += INSERT_ROWS) await deps.db.insert(jobsTable).values(jobs.slice(i, i + INSERT_ROWS));
  const messages: BackfillMessage[] = jobs.map((job) => ({ type: "reconcile", tenantId: job.tenantId, jobId: job.id, resource: "orders", since, after: null, counts: {} }));

  const queued = await deps.db
    .select({ id: jobsTable.id, tenantId: jobsTable.tenantId, params: jobsTable.params })
    .from(jobsTable)
    .where(and(eq(jobsTable.kind, "backfill"), eq(jobsTable.status, "queued"), lt(jobsTable.createdAt, new Date(now.getTime() - QUEUED_GRACE_MS))));
  for (const job of queued) {
    const reason = job.params.reason === "install" || job.params.reason === "manual" ? job.params.reason : "operator";
    messages.push({ type: "start", tenantId: job.tenantId, jobId: job.id, reason });
  }

  for (let i = 0; i < messages.length; i += SEND_BATCH) {
    await deps.env.BACKFILL_QUEUE.sendBatch(messages.slice(i, i + SEND_BATCH).map((body) => ({ body })));
  }
  return { tenants: tenants.length, queuedBackfills: queued.length };
};
