import { env } from "cloudflare:workers";
import { tenantDb } from "./tenant-db.ts";
import type { BackfillResource } from "../../queues/backfill-messages.ts";
import { tenantObject } from "../../worker/context/tenant-object.ts";
import { manualBackfill, tenantCounts, waitForBackfill } from "./backfill.ts";
import { doublesIn, tallyTenant } from "./fault-counts.ts";
import { installShop, sim } from "./harness.ts";

const STORE = { products: 8, customers: 20, orders: 60, abandonedCheckouts: 6, days: 120 };

/** A shop installed and backfilled once, its backfilled rows then dropped, so the next job imports everything again. */
export async function backfilledShop() {
  const installed = await installShop({ size: STORE });
  await waitForBackfill(installed.shop);
  const tables = ["events", "orders", "checkouts", "identities", "profiles", "products"];
  const db = await tenantDb(installed.tenantId);
  await db.batch(tables.map((table) => db.prepare(`delete from ${table} where tenant_id = ?`).bind(installed.tenantId)));
  return installed;
}

export async function queuedJob(tenantId: string) {
  const jobId = `job_fault_${crypto.randomUUID().slice(0, 8)}`;
  await (await tenantDb(tenantId)).prepare("insert into jobs (id, tenant_id, kind, status, params, created_at) values (?, ?, 'backfill', 'queued', '{\"reason\":\"manual\"}', ?)").bind(jobId, tenantId, Date.now()).run();
  return jobId;
}

export const jobStatus = async (tenantId: string, jobId: string) =>
  (await (await tenantDb(tenantId)).prepare("select status from jobs where tenant_id = ? and id = ?").bind(tenantId, jobId).first<{ status: string }>())?.status;

/**
 * The store's records in the backfill's window (accepted), the rows SegOps holds for them (stored), and any double:
 * a record written twice, or a profile counting an order twice.
 */
export async function backfillCounts(shop: string, tenantId: string) {
  const state = await tenantObject(env, tenantId).backfillState();
  const since = (resource: BackfillResource) => new Date(state!.resources[resource].since ?? 0);
  const [orders, all, checkouts] = await Promise.all([sim().stats(shop, since("orders")), sim().stats(shop, new Date(0)), sim().stats(shop, since("abandoned_checkouts"))]);
  const counts = await tenantCounts(tenantId);
  const accepted = orders.orders + all.customers + all.products + checkouts.abandonedCheckouts;
  const stored = counts.orders + counts.profiles + counts.products + counts.abandonedCheckouts;
  return { accepted, stored, doubled: doublesIn(await tallyTenant(tenantId)) };
}

/** Runs a backfill job through the real backfill handlers, each failed message retried as the queue would. */
export async function runJob(tenantId: string, overrides: Parameters<typeof manualBackfill>[1] = {}) {
  const driver = await manualBackfill(tenantId, overrides);
  const jobId = await queuedJob(tenantId);
  const failures: string[] = [];
  await driver.run({ type: "start", tenantId, jobId, reason: "manual" }).catch((error: Error) => {
    failures.push(error.message);
    driver.queue.push({ type: "start", tenantId, jobId, reason: "manual" });
  });
  await driver.drain({
    onError: (error) => {
      failures.push((error as Error).message);
      return "retry";
    },
  });
  return { jobId, failures };
}
