import { describe, expect, it } from "vitest";
import type { BackfillResource } from "../../../../queues/backfill-messages.ts";
import { BACKFILL_LIMITS } from "../../../../worker/services/backfill/backfill-context.ts";
import { writeIngestPlan } from "../../../../worker/services/ingest/write-ingest-plan.ts";
import { manualBackfill, tenantCounts, waitForBackfill } from "../../../helpers/backfill.ts";
import { adminFetch, adminJson, installShop, sim } from "../../../helpers/harness.ts";
import { tenantDb } from "../../../helpers/tenant-db.ts";

const STORE = { products: 8, customers: 20, orders: 60, abandonedCheckouts: 6, days: 120 };

async function forgetBackfilledRows(tenantId: string) {
  const db = await tenantDb(tenantId);
  await db.batch(["events", "orders", "checkouts", "identities", "profiles", "products"].map((table) => db.prepare(`delete from ${table} where tenant_id = ?`).bind(tenantId)));
}

async function queuedJob(tenantId: string) {
  const jobId = `job_test_${crypto.randomUUID().slice(0, 8)}`;
  await (await tenantDb(tenantId)).prepare("insert into jobs (id, tenant_id, kind, status, params, created_at) values (?, ?, 'backfill', 'queued', '{\"reason\":\"manual\"}', ?)").bind(jobId, tenantId, Date.now()).run();
  return jobId;
}

async function expectStoreCounts(shop: string, tenantId: string) {
  const state = await (await manualBackfill(tenantId)).ctx.tenant.backfillState();
  const since = (resource: BackfillResource) => new Date(state!.resources[resource].since ?? 0);
  const [orders, all] = await Promise.all([sim().stats(shop, since("orders")), sim().stats(shop, new Date(0))]);
  const counts = await tenantCounts(tenantId);
  expect(counts).toMatchObject({ orders: orders.orders, profiles: all.customers, products: all.products, quarantined: 0 });
  expect(counts.events.order_created).toBe(orders.orders);
  for (const progress of Object.values(state!.resources)) {
    expect(progress).toMatchObject({ phase: "done", rowsWritten: progress.rootObjectCount ?? 0, rowsSeen: progress.objectCount ?? 0 });
  }
  return counts;
}

describe("backfill crash, resume and re-run", () => {
  it("resumes a failed download and a failed write from their cursors, and writes nothing twice", async () => {
    const { shop, tenantId } = await installShop({ size: STORE, settings: { bulkChildrenFirst: true } });
    await waitForBackfill(shop);
    await forgetBackfilledRows(tenantId);

    let stages = 0;
    let writes = 0;
    const driver = await manualBackfill(tenantId, {
      limits: { ...BACKFILL_LIMITS, stageBytes: 2_000, writeRoots: 7, invocationMs: 0 },
      writePlan: async (plan) => {
        writes++;
        if (writes === 3) throw new Error("crash before the D1 batch");
        await writeIngestPlan({ ctx: driver.ctx, input: { plan } });
        if (writes === 5) throw new Error("crash after the D1 batch, before the cursor moved");
      },
    });
    const tenant = driver.ctx.tenant;
    driver.ctx.tenant = new Proxy(tenant, {
      get: (target, method: keyof typeof tenant) =>
        method === "stageBackfillLines"
          ? async (...args: Parameters<typeof tenant.stageBackfillLines>) => {
              if (++stages === 2) throw new Error("crash while staging a downloaded range");
              return target.stageBackfillLines(...args);
            }
          : target[method],
    });
    const failures: string[] = [];
    const jobId = await queuedJob(tenantId);
    await driver.run({ type: "start", tenantId, jobId, reason: "manual" });
    await driver.drain({
      onError: (error) => {
        failures.push((error as Error).message);
        return "retry";
      },
    });

    expect(failures).toEqual(["crash while staging a downloaded range", "crash before the D1 batch", "crash after the D1 batch, before the cursor moved"]);
    expect(stages).toBeGreaterThan(4);
    await expectStoreCounts(shop, tenantId);
    const job = await (await tenantDb(tenantId)).prepare("select status from jobs where tenant_id = ? and id = ?").bind(tenantId, jobId).first();
    expect(job).toEqual({ status: "succeeded" });
  });

  it("a second backfill of the same store leaves the same rows, ids included", async () => {
    const { shop, tenantId } = await installShop({ size: STORE });
    await waitForBackfill(shop);
    const first = await expectStoreCounts(shop, tenantId);
    const ids = async () => (await (await tenantDb(tenantId)).prepare("select id from events where tenant_id = ? union all select id from profiles where tenant_id = ? order by 1").bind(tenantId, tenantId).all()).results;
    const before = await ids();

    const queued = await adminJson<{ running: boolean; job: { id: string } }>(shop, "/backfill", { method: "POST" });
    expect(queued.running).toBe(true);
    const done = await waitForBackfill(shop, (view) => view.job?.id === queued.job.id && !view.running);
    expect(done.job?.status).toBe("succeeded");
    expect(await expectStoreCounts(shop, tenantId)).toEqual(first);
    expect(await ids()).toEqual(before);
  });

  it("refuses a second backfill while one is running", async () => {
    const { shop, tenantId } = await installShop({ size: STORE, settings: { bulkDelayMs: 60_000 } });
    const running = await waitForBackfill(shop, (view) => view.resources.some((r) => r.phase === "exporting"));
    const again = await adminFetch(shop, "/backfill", { method: "POST" });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { message: string } }).error.message).toContain(running.job!.id);
    await (await tenantDb(tenantId)).prepare("update jobs set status = 'cancelled' where tenant_id = ?").bind(tenantId).run();
  });
});
