import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { QUEUE_NAMES } from "../../queues/messages.ts";
import { handleBulkOperationFinish } from "../../worker/services/backfill/handle-bulk-operation-finish.ts";
import { manualBackfill, waitForBackfill } from "../helpers/backfill.ts";
import { installShop, sim } from "../helpers/harness.ts";
import { seedTenant } from "../helpers/seed-tenant.ts";
import { waitFor } from "../helpers/wait-for.ts";
import { consumeQueueBatch } from "../helpers/queue-batch.ts";
import { sendDelivery } from "../helpers/webhook-requests.ts";
import { tenantDb } from "../helpers/tenant-db.ts";

const STORE = { products: 2, customers: 4, orders: 6, abandonedCheckouts: 1, days: 120 };

const consume = (bodies: unknown[]) => consumeQueueBatch(QUEUE_NAMES.backfill, bodies);

async function queuedJob(tenantId: string) {
  const jobId = `job_q_${crypto.randomUUID().slice(0, 8)}`;
  await (await tenantDb(tenantId)).prepare("insert into jobs (id, tenant_id, kind, status, params, created_at) values (?, ?, 'backfill', 'queued', '{}', ?)").bind(jobId, tenantId, Date.now()).run();
  return jobId;
}

describe("backfill queue consumer", () => {
  it("starts a queued job once: four ungrouped bulk exports, however often start is delivered", async () => {
    const { shop, tenantId } = await installShop({ size: STORE });
    await waitForBackfill(shop);
    await sim().settings(shop, { bulkDelayMs: 60_000 });
    const before = (await sim().state(shop)).bulkOperations.length;
    const jobId = await queuedJob(tenantId);
    const start = { type: "start", tenantId, jobId, reason: "manual" };
    const { result } = await consume([start, start]);
    expect(result.retryMessages).toEqual([]);
    const exports = (await sim().state(shop)).bulkOperations.slice(before);
    expect(exports).toHaveLength(4);
    expect(exports.every((op) => op.groupObjects === false)).toBe(true);
    expect(exports.map((op) => op.query.match(/\{ (\w+)/)?.[1]).sort()).toEqual(["abandonedCheckouts", "customers", "orders", "products"]);
    const db = await tenantDb(tenantId);
    expect(await db.prepare("select status from jobs where tenant_id = ? and id = ?").bind(tenantId, jobId).first()).toEqual({ status: "running" });
    await db.prepare("update jobs set status = 'cancelled' where tenant_id = ? and id = ?").bind(tenantId, jobId).run();
  });

  it("does nothing for a chunk of a job that is not running, and dead-letters a malformed message", async () => {
    const { tenantId } = await seedTenant();
    const { batch, result } = await consume([
      { type: "chunk", tenantId, jobId: "job_none", resource: "orders", chunk: 3 },
      { type: "chunk", tenantId, jobId: "job_none", resource: "refunds", chunk: 0 },
    ]);
    expect(result.explicitAcks.sort()).toEqual(batch.messages.map((m) => m.id).sort());
    const row = await env.DB.prepare("select body from dead_letters where message_id = ?").bind(batch.messages[1]!.id).first<{ body: string }>();
    expect(JSON.parse(row!.body)).toMatchObject({ reason: expect.stringMatching(/^invalid message body: resource Invalid option/) });
  });

  it("moves on as soon as bulk_operations/finish arrives, without waiting for the next poll", async () => {
    const { shop, tenantId } = await installShop({ size: STORE });
    await waitForBackfill(shop);
    await sim().outbox(shop);
    const driver = await manualBackfill(tenantId);
    const jobId = await queuedJob(tenantId);
    await driver.run({ type: "start", tenantId, jobId, reason: "manual" });
    expect(driver.queue.map((m) => m.type)).toEqual(["poll", "poll", "poll", "poll"]);
    driver.queue.length = 0;

    const finished = await waitFor(async () => {
      const deliveries = (await sim().outbox(shop, { drain: false })).filter((d) => d.topic === "bulk_operations/finish");
      return deliveries.length === 4 && deliveries;
    }, { what: "four finish webhooks" });
    for (const delivery of finished) await handleBulkOperationFinish({ ctx: driver.ctx, input: { operationId: JSON.parse(delivery.body).admin_graphql_api_id } });
    expect(driver.queue).toEqual(expect.arrayContaining([expect.objectContaining({ type: "poll", attempt: 0 })]));
    await driver.drain();
    const db = await tenantDb(tenantId);
    expect(await db.prepare("select status from jobs where tenant_id = ? and id = ?").bind(tenantId, jobId).first()).toEqual({ status: "succeeded" });

    // The same webhook through POST /webhooks is a handled lifecycle topic, not quarantine.
    expect((await sendDelivery(finished[0]!)).status).toBe(200);
    await waitFor(async () => db.prepare("select 1 ok from deliveries where tenant_id = ? and topic = 'bulk_operations/finish'").bind(tenantId).first(), { what: "finish delivery" });
    expect(await db.prepare("select count(*) n from quarantine where tenant_id = ?").bind(tenantId).first()).toEqual({ n: 0 });
  });
});
