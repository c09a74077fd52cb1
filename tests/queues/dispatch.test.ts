import { createExecutionContext, createMessageBatch } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { QUEUE_NAMES } from "../../queues/messages.ts";
import worker from "../../worker/index.ts";
import { consumeQueueBatch } from "../helpers/queue-batch.ts";

async function deadLetters(messageIds: string[]) {
  const placeholders = messageIds.map(() => "?").join(",");
  const { results } = await env.DB.prepare(`select queue, message_id, body from dead_letters where message_id in (${placeholders})`)
    .bind(...messageIds)
    .all<{ queue: string; message_id: string; body: string }>();
  return results;
}

describe("queue consumers", () => {
  it("records a malformed message as a dead letter and acks it instead of retrying forever", async () => {
    const { batch, result } = await consumeQueueBatch(QUEUE_NAMES.backfill, [{ type: "start" }]);
    expect(result.explicitAcks).toEqual([batch.messages[0]!.id]);
    expect(result.retryMessages).toEqual([]);
    const [row] = await deadLetters([batch.messages[0]!.id]);
    expect(row).toMatchObject({ queue: QUEUE_NAMES.backfill });
    expect(JSON.parse(row!.body)).toMatchObject({ reason: "invalid message body: tenantId Invalid input: expected string, received undefined", body: { type: "start" } });
  });

  it.each([
    [QUEUE_NAMES.shopifyWrites, { type: "metafields_push", tenantId: "ten_x", jobId: "job_y" }],
    [QUEUE_NAMES.shopifyWrites, { type: "collection_push", tenantId: "ten_x", collectionId: "col_y" }],
    [QUEUE_NAMES.backfill, { type: "refresh", tenantId: "ten_x", jobId: "job_y" }],
    [QUEUE_NAMES.ingest, { type: "order_export", tenantId: "ten_x" }],
  ])("dead-letters a %s message of a type no handler takes, with that reason, without retrying it", async (queue, body) => {
    const { batch, result } = await consumeQueueBatch(queue, [body]);
    expect(result.explicitAcks).toEqual([batch.messages[0]!.id]);
    expect(result.retryMessages).toEqual([]);
    const [row] = await deadLetters([batch.messages[0]!.id]);
    expect(row).toMatchObject({ queue });
    expect(JSON.parse(row!.body)).toEqual({ reason: `no handler for message type ${body.type}`, body });
  });

  it("records every message reaching a dead-letter queue under its source queue", async () => {
    const { batch, result } = await consumeQueueBatch(QUEUE_NAMES.shopifyWritesDlq, [{ type: "segment_push", tenantId: "ten_x", segmentId: "seg_y" }]);
    expect(result.ackAll).toBe(true);
    const rows = await deadLetters(batch.messages.map((m) => m.id));
    expect(rows).toEqual([expect.objectContaining({ queue: QUEUE_NAMES.shopifyWrites })]);
  });

  it("refuses a batch from a queue nobody consumes", async () => {
    const batch = createMessageBatch("segops-unknown", [{ id: "m1", timestamp: new Date(), attempts: 1, body: {} }]);
    await expect(worker.queue(batch, env, createExecutionContext())).rejects.toThrow(/No consumer for queue segops-unknown/);
  });
});
