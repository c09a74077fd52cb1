import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import orderText from "../../../fixtures/ingest/order-big-ids.json?raw";
import { QUEUE_NAMES } from "../../../../queues/messages.ts";
import { deriveOpsToken } from "../../../../worker/services/operations/ops-token.ts";
import { consumeIngestBatch, webhookMessage } from "../../../helpers/ingest-queue.ts";
import { storedEvents } from "../../../helpers/read-ingested.ts";
import { waitFor } from "../../../helpers/wait-for.ts";
import { seedTenant } from "../../../helpers/seed-tenant.ts";
import { tenantDb } from "../../../helpers/tenant-db.ts";

async function ops<T = unknown>(method: string, path: string, token?: string): Promise<{ status: number; body: T }> {
  const res = await exports.default.fetch(`https://segops.test/ops${path}`, {
    method,
    headers: { Authorization: `Bearer ${token ?? (await deriveOpsToken(env.TOKEN_ENCRYPTION_KEY))}` },
  });
  return { status: res.status, body: (await res.json()) as T };
}

type Row = { id: string; shopDomain: string | null; reason: string; replayedAt: string | null; replayResult: string | null };

describe("operator endpoints", () => {
  it("refuses callers without the operator token", async () => {
    expect((await ops("GET", "/quarantine", "ops_wrong")).status).toBe(401);
    const tenant = await seedTenant();
    expect((await ops("GET", "/quarantine", tenant.serverKey)).status).toBe(401);
  });

  it("lists a quarantined delivery and replays it once the shop is installed", async () => {
    const shop = `replay-${crypto.randomUUID().slice(0, 8)}.myshopify.com`;
    await consumeIngestBatch([webhookMessage(shop, "orders/paid", orderText)]);
    const listed = await ops<{ data: Row[]; nextCursor: string | null }>("GET", "/quarantine?limit=500");
    const row = listed.body.data.find((item) => item.shopDomain === shop)!;
    expect(row).toMatchObject({ replayedAt: null });
    expect(row.reason).toMatch(/no SegOps tenant/);
    expect((await ops<{ payload: string }>("GET", `/quarantine/${row.id}`)).body.payload).toBe(orderText);

    const tenant = await seedTenant({ shop });
    expect((await ops("POST", `/quarantine/${row.id}/replay`)).status).toBe(202);
    const done = await waitFor(async () => {
      const current = (await ops<Row>("GET", `/quarantine/${row.id}`)).body;
      return current.replayedAt !== null && current;
    }, { what: "the quarantined delivery's replay" });
    expect(done.replayResult).toBe("applied");
    expect((await storedEvents(tenant.tenantId, "purchase")).map((event) => event.dedup_key)).toEqual(["purchase:9007199254740993"]);
    const open = await ops<{ data: Row[] }>("GET", "/quarantine?limit=500");
    expect(open.body.data.some((item) => item.id === row.id)).toBe(false);
  });

  it("records a replay that fails again on the same row instead of adding one", async () => {
    const tenant = await seedTenant();
    await consumeIngestBatch([webhookMessage(tenant.shop, "orders/paid", "{broken")]);
    const db = await tenantDb(tenant.tenantId);
    const before = await db.prepare("select id from quarantine where tenant_id = ?").bind(tenant.tenantId).all<{ id: string }>();
    expect(before.results).toHaveLength(1);
    await consumeIngestBatch([{ type: "replay", quarantineId: before.results[0]!.id, tenantId: tenant.tenantId }]);
    const after = await db.prepare("select replay_result from quarantine where tenant_id = ?").bind(tenant.tenantId).all<{ replay_result: string }>();
    expect(after.results).toHaveLength(1);
    expect(after.results[0]!.replay_result).toMatch(/^failed again: body is not JSON/);
  });

  it("answers 404 for a quarantine row that does not exist", async () => {
    expect((await ops("POST", "/quarantine/qrn_missing/replay")).status).toBe(404);
    expect((await ops("GET", "/quarantine/qrn_missing")).status).toBe(404);
  });

  it("lists dead letters and sends one back to its source queue exactly once", async () => {
    const tenant = await seedTenant();
    const message = webhookMessage(tenant.shop, "orders/create", orderText);
    const { createMessageBatch, createExecutionContext, getQueueResult } = await import("cloudflare:test");
    const worker = (await import("../../../../worker/index.ts")).default;
    const batch = createMessageBatch(QUEUE_NAMES.ingestDlq, [{ id: `dlq-${crypto.randomUUID()}`, timestamp: new Date(), attempts: 6, body: message }]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    await getQueueResult(batch, ctx);

    const listed = await ops<{ data: { id: string; queue: string; tenantId: string | null; body: string }[] }>("GET", `/dead-letters?queue=${QUEUE_NAMES.ingest}&limit=500`);
    const letter = listed.body.data.find((row) => row.body.includes(message.deliveryKey))!;
    expect(letter.queue).toBe(QUEUE_NAMES.ingest);
    expect((await ops<{ queue: string }>("POST", `/dead-letters/${letter.id}/replay`)).body).toEqual({ queued: true, queue: QUEUE_NAMES.ingest });
    expect((await ops("POST", `/dead-letters/${letter.id}/replay`)).status).toBe(409);
    await waitFor(async () => (await storedEvents(tenant.tenantId, "order_created")).length === 1, { what: "one order_created event" });
  });
});

describe("GET /ops/ingest-stats", () => {
  it("counts what was stored since a moment", async () => {
    const since = Date.now();
    const tenant = await seedTenant();
    await consumeIngestBatch([webhookMessage(tenant.shop, "orders/paid", orderText), webhookMessage(tenant.shop, "orders/create", orderText)]);
    const { status, body } = await ops<{ events: { total: number; webhook: number; lastWrittenId: string }; deliveries: number }>("GET", `/ingest-stats?since=${since}`);
    expect(status).toBe(200);
    expect(body.events.total).toBeGreaterThanOrEqual(2);
    expect(body.events.webhook).toBeGreaterThanOrEqual(2);
    expect(body.events.lastWrittenId).toMatch(/^evt_/);
    expect(body.deliveries).toBeGreaterThanOrEqual(2);
  });
});
