import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import orderText from "../fixtures/ingest/order-big-ids.json?raw";
import { QUEUE_NAMES } from "../../queues/messages.ts";
import worker from "../../worker/index.ts";
import { consumeIngestBatch, webhookMessage } from "../helpers/ingest-queue.ts";
import { faultyD1 } from "../helpers/faulty-d1.ts";
import { storedEvents } from "../helpers/read-ingested.ts";
import { seedTenant } from "../helpers/seed-tenant.ts";

describe("ingest consumer", () => {
  it("writes a whole batch of deliveries for several tenants in one go", async () => {
    const tenants = await Promise.all([seedTenant(), seedTenant(), seedTenant()]);
    const { result } = await consumeIngestBatch(tenants.flatMap((tenant) => ["orders/create", "orders/paid"].map((topic) => webhookMessage(tenant.shop, topic, orderText))));
    expect(result.explicitAcks).toHaveLength(6);
    for (const tenant of tenants) expect(await storedEvents(tenant.tenantId)).toHaveLength(2);
  });

  it("dead-letters a message that is not an ingest message, without retrying it", async () => {
    const { batch, result } = await consumeIngestBatch([{ type: "webhook", topic: "orders/create" }]);
    expect(result.explicitAcks).toEqual([batch.messages[0]!.id]);
    const row = await env.DB.prepare("select queue from dead_letters where message_id = ?").bind(batch.messages[0]!.id).first();
    expect(row).toEqual({ queue: QUEUE_NAMES.ingest });
  });

  it("retries each message (2^attempts s backoff) when D1 fails, so the queue dead-letters it after max_retries", async () => {
    const tenant = await seedTenant();
    // Every D1 binding down, the control database and each shard alike.
    const failing = faultyD1(() => new Error("D1 is down")).bindings;
    const batch = createMessageBatch(QUEUE_NAMES.ingest, [
      { id: "retry-1", timestamp: new Date(), attempts: 3, body: webhookMessage(tenant.shop, "orders/create", orderText) },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, { ...env, ...failing }, ctx).catch(() => undefined);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks).toEqual([]);
    expect(result.retryMessages).toEqual([expect.objectContaining({ msgId: "retry-1" })]);
  });
});
