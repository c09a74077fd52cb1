import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import orderText from "../../../fixtures/ingest/order-big-ids.json?raw";
import { adminTenant } from "../../../helpers/admin-tenant.ts";
import { sim as simulator } from "../../../helpers/harness.ts";
import { consumeIngestBatch, pixelMessage, webhookMessage } from "../../../helpers/ingest-queue.ts";
import { ownPixelEvents } from "../../../helpers/pixel-collector.ts";
import { objectStorage, rowsOfTenant, sendCompliance, waitForCompleted } from "../../../helpers/privacy.ts";
import { consumeQueueBatch } from "../../../helpers/queue-batch.ts";
import { seedTenant } from "../../../helpers/seed-tenant.ts";
import { tenantDb, allDataDbs } from "../../../helpers/tenant-db.ts";

/** A count summed over `dbs`: every database for data of an erased shop (its directory entry is gone), `env.DB` for dead letters. */
const count = async (dbs: D1Database[], sql: string, ...values: unknown[]) =>
  (await Promise.all(dbs.map(async (db) => (await db.prepare(sql).bind(...values).first<{ n: number }>())!.n))).reduce((sum, n) => sum + n, 0);

/** A shop that used SegOps, uninstalled, and was erased by shop/redact. */
async function erasedShop() {
  const sim = simulator();
  const tenant = await adminTenant();
  await consumeIngestBatch([webhookMessage(tenant.shop, "orders/paid", orderText)]);
  await env.DB.prepare("update tenants set status = 'uninstalled', uninstalled_at = ? where id = ?").bind(Date.now(), tenant.tenantId).run();
  const beforeErasure = Date.now() - 1;
  const { requestId } = await sendCompliance(sim, tenant.shop, "shop/redact");
  await waitForCompleted(requestId);
  expect(await rowsOfTenant(tenant.tenantId, tenant.shop)).toEqual({});
  return { sim, tenant, beforeErasure };
}

describe("messages of a shop erased by shop/redact", () => {
  it("are dropped by the ingest consumer, never quarantined: deliveries received before, and any while the shop has no tenant", async () => {
    const { tenant, beforeErasure } = await erasedShop();
    const { result } = await consumeIngestBatch([
      webhookMessage(tenant.shop, "orders/paid", orderText, { receivedAt: beforeErasure }),
      webhookMessage(tenant.shop, "orders/updated", orderText),
      pixelMessage(tenant, "visitor-1", ownPixelEvents("visitor-1")),
      { type: "quarantine", source: "pubsub", tenantId: null, shop: tenant.shop, topic: null, reason: "no topic", payload: orderText, headers: {}, receivedAt: beforeErasure },
    ]);
    expect(result.retryMessages).toEqual([]);
    expect(await rowsOfTenant(tenant.tenantId, tenant.shop)).toEqual({});
    expect(await count(allDataDbs(), "select count(*) n from quarantine where instr(payload, '9007199254740995') > 0 and received_at >= ?", beforeErasure)).toBe(0);
  });

  it("are dropped by the backfill, Shopify-writes and dead-letter consumers without touching the Durable Object", async () => {
    const { tenant } = await erasedShop();
    const target = { tenantId: tenant.tenantId, jobId: "job_erased" };
    const backfill = await consumeQueueBatch("segops-backfill", [{ type: "start", ...target, reason: "manual" }, { type: "poll", ...target, resource: "orders", attempt: 0 }]);
    expect(backfill.result.retryMessages).toEqual([]);
    const writes = await consumeQueueBatch("segops-shopify-writes", [{ type: "flow_trigger", tenantId: tenant.tenantId, handle: "segops-ai-score-dropped", payload: {} }]);
    expect(writes.result.retryMessages).toEqual([]);
    const ingestDlq = await consumeQueueBatch("segops-ingest-dlq", [webhookMessage(tenant.shop, "orders/paid", orderText), pixelMessage(tenant, "visitor-2", [])]);
    const backfillDlq = await consumeQueueBatch("segops-backfill-dlq", [{ type: "start", ...target, reason: "manual" }]);
    const ids = [...ingestDlq.batch.messages, ...backfillDlq.batch.messages].map((message) => message.id);
    const letters = `select count(*) n from dead_letters where message_id in (${ids.map(() => "?").join(", ")}) or instr(body, ?) > 0 or instr(body, ?) > 0`;
    expect(await count([env.DB], letters, ...ids, tenant.tenantId, tenant.shop)).toBe(0);
    expect(await objectStorage(tenant.tenantId)).toEqual({ keys: {}, tables: {}, alarm: null });
    expect(await rowsOfTenant(tenant.tenantId, tenant.shop)).toEqual({});
  });

  it("stop being dropped for a new install: deliveries received after the erasure reach the new tenant", async () => {
    const { tenant, beforeErasure } = await erasedShop();
    const reinstalled = await seedTenant({ shop: tenant.shop });
    await consumeIngestBatch([
      webhookMessage(tenant.shop, "orders/paid", orderText, { receivedAt: beforeErasure }),
      webhookMessage(tenant.shop, "orders/create", orderText),
    ]);
    const names = await (await tenantDb(reinstalled.tenantId)).prepare("select name from events where tenant_id = ? order by name").bind(reinstalled.tenantId).all<{ name: string }>();
    expect(names.results.map((row) => row.name)).toEqual(["order_created"]);
  });

  it("still records and completes a late compliance request for the erased shop, as proof without its domain", async () => {
    const { sim, tenant } = await erasedShop();
    const { requestId } = await sendCompliance(sim, tenant.shop, "shop/redact");
    const row = await waitForCompleted(requestId);
    expect(row).toMatchObject({ tenant_id: null, payload: "{}" });
    expect(row.shop_domain).toMatch(/^redacted:[0-9a-f]{64}$/);
    expect(Object.values(JSON.parse(row.result!) as Record<string, number>).every((rows) => rows === 0)).toBe(true);
  });
});

describe("shop/redact for a shop that is installed again", () => {
  it("erases nothing and says so", async () => {
    const sim = simulator();
    const tenant = await adminTenant();
    await consumeIngestBatch([webhookMessage(tenant.shop, "orders/paid", orderText)]);
    const { requestId } = await sendCompliance(sim, tenant.shop, "shop/redact");
    const row = await waitForCompleted(requestId);
    expect(JSON.parse(row.result!)).toEqual({ outcome: "the shop had installed SegOps again: nothing erased" });
    expect(await rowsOfTenant(tenant.tenantId, tenant.shop)).toMatchObject({ tenants: 1, orders: 1, profiles: 1 });
  });
});
