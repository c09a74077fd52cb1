import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { QUEUE_NAMES, type QueueBody } from "../../queues/messages.ts";
import { forgetTenantShard, TENANT_MOVING_RETRY_AFTER_S } from "../../worker/context/tenant-directory.ts";
import { consumeQueueBatch } from "../helpers/queue-batch.ts";
import { seedTenant } from "../helpers/seed-tenant.ts";

async function setState(tenantId: string, state: "active" | "frozen"): Promise<void> {
  await env.DB.prepare("update tenant_shards set state = ? where tenant_id = ?").bind(state, tenantId).run();
  forgetTenantShard(tenantId);
}

const producers = {
  [QUEUE_NAMES.backfill]: env.BACKFILL_QUEUE,
  [QUEUE_NAMES.shopifyWrites]: env.SHOPIFY_WRITES_QUEUE,
  [QUEUE_NAMES.privacy]: env.PRIVACY_QUEUE,
} as const;

const cases: [keyof typeof producers, (tenantId: string) => QueueBody][] = [
  [QUEUE_NAMES.backfill, (tenantId) => ({ type: "start", tenantId, jobId: "job_frozen", reason: "operator" })],
  [QUEUE_NAMES.shopifyWrites, (tenantId) => ({ type: "flow_trigger", tenantId, handle: "segment-entered", payload: {} })],
  [QUEUE_NAMES.privacy, (tenantId) => ({ type: "retention", tenantId, now: Date.now() })],
];

describe("a frozen tenant's messages on every queue", () => {
  it.each(cases)("%s sends them back as new messages after the move's Retry-After and acks them", async (queue, bodyOf) => {
    const tenant = await seedTenant({ shard: "SHARD_2" });
    await setState(tenant.tenantId, "frozen");
    const body = bodyOf(tenant.tenantId);
    const resent: unknown[] = [];
    const send = vi.spyOn(producers[queue], "send").mockImplementation(async (sent, options) => {
      resent.push({ sent, options });
      return undefined as never;
    });
    try {
      const { batch, result } = await consumeQueueBatch(queue, [body]);
      // Acked and sent again, so its attempts start over: a long move never dead-letters it.
      expect(result.retryMessages).toEqual([]);
      expect(result.explicitAcks).toEqual([batch.messages[0]!.id]);
      expect(resent).toEqual([{ sent: body, options: { delaySeconds: TENANT_MOVING_RETRY_AFTER_S } }]);
    } finally {
      send.mockRestore();
      await setState(tenant.tenantId, "active");
    }
  });

  it("retries in place when sending it back fails, so the message is never lost", async () => {
    const tenant = await seedTenant({ shard: "SHARD_2" });
    await setState(tenant.tenantId, "frozen");
    const send = vi.spyOn(env.PRIVACY_QUEUE, "send").mockRejectedValue(new Error("queue unavailable"));
    try {
      const { batch, result } = await consumeQueueBatch(QUEUE_NAMES.privacy, [{ type: "retention", tenantId: tenant.tenantId, now: Date.now() }]);
      expect(result.explicitAcks).toEqual([]);
      expect(result.retryMessages.map((retried) => retried.msgId)).toEqual([batch.messages[0]!.id]);
    } finally {
      send.mockRestore();
      await setState(tenant.tenantId, "active");
    }
  });
});
