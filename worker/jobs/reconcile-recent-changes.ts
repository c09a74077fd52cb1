import { and, eq, inArray, lt } from "drizzle-orm";
import { BACKFILL_RESOURCES, type BackfillMessage } from "../../queues/backfill-messages.ts";
import { everyShard, forShard, type ShardContext } from "../context/for-shard.ts";
import { jobsTable, tenantShardsTable } from "../db/schema/index.ts";
import { inJsonValues } from "../db/sql-json.ts";
import { newId } from "../lib/ids.ts";
import { activeTenantsByShard } from "./list-active-tenants.ts";
import type { CronJob } from "./types.ts";

const WINDOW_MS = 48 * 60 * 60 * 1000;
const GRACE_MS = 5 * 60 * 1000;
const SEND_BATCH = 100;
const INSERT_ROWS = 10;

type Backfill = { id: string; tenantId: string; status: string; params: Record<string, unknown> };

/**
 * Backfill jobs left queued or running on one shard, of the tenants its directory entries name and no move has
 * frozen: a tenant's rows left on its old shard by a move in progress are not its jobs.
 */
async function pendingBackfills(shard: ShardContext, now: Date): Promise<Backfill[]> {
  const jobs = await shard.db
    .select({ id: jobsTable.id, tenantId: jobsTable.tenantId, status: jobsTable.status, params: jobsTable.params })
    .from(jobsTable)
    .where(and(eq(jobsTable.kind, "backfill"), lt(jobsTable.createdAt, new Date(now.getTime() - GRACE_MS)), inArray(jobsTable.status, ["queued", "running"])));
  if (jobs.length === 0) return [];
  const placed = await shard.control.db
    .select({ tenantId: tenantShardsTable.tenantId })
    .from(tenantShardsTable)
    .where(and(inJsonValues(tenantShardsTable.tenantId, [...new Set(jobs.map((job) => job.tenantId))]), eq(tenantShardsTable.shard, shard.shard), eq(tenantShardsTable.state, "active")));
  const here = new Set(placed.map((row) => row.tenantId));
  return jobs.filter((job) => here.has(job.tenantId));
}

/**
 * Nightly: one reconciliation job per active tenant, written on its shard, re-reading what changed in the last 48 h
 * through the backfill queue (webhooks Shopify never delivered). Also starts backfill jobs left queued (an
 * operator's re-run, a lost start) and polls running ones on every shard, which restarts any whose next message was
 * lost. Tenants frozen by a move are left for the next night.
 */
export const reconcileRecentChanges: CronJob = async (deps, now) => {
  const since = now.getTime() - WINDOW_MS;
  const messages: BackfillMessage[] = [];
  let tenants = 0;
  for (const [name, tenantIds] of await activeTenantsByShard(deps)) {
    const shard = forShard(deps, name);
    const jobs = tenantIds.map((tenantId) => ({ id: newId("job"), tenantId, kind: "reconcile" as const, status: "running" as const, params: { since }, createdAt: now, startedAt: now }));
    for (let i = 0; i < jobs.length; i += INSERT_ROWS) await shard.db.insert(jobsTable).values(jobs.slice(i, i + INSERT_ROWS));
    messages.push(...jobs.map((job): BackfillMessage => ({ type: "reconcile", tenantId: job.tenantId, jobId: job.id, resource: "orders", since, after: null, counts: {} })));
    tenants += jobs.length;
  }

  const backfills = (await Promise.all(everyShard(deps).map((shard) => pendingBackfills(shard, now)))).flat();
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
  return { tenants, backfills: backfills.length };
};
