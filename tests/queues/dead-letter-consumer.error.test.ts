import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env, } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { DEAD_LETTER_WRITE_ATTEMPTS } from "../../queues/dead-letter.ts";
import { QUEUE_NAMES } from "../../queues/messages.ts";
import worker from "../../worker/index.ts";
import { unreachableD1 } from "../helpers/faulty-d1.ts";
import { opsRequest } from "../helpers/ops-request.ts";

/** D1 as it is during an outage: every statement and batch fails. */
const failingDb = unreachableD1(env.DB);

const failingArchive = {
  ...env.DEAD_LETTER_ARCHIVE,
  put: () => Promise.reject(new Error("R2 simulated outage")),
} as unknown as R2Bucket;

async function deliverDeadLetters(messages: { id: string; attempts: number; body: unknown }[], overrides: Partial<Env> = {}) {
  const batch = createMessageBatch(
    QUEUE_NAMES.ingestDlq,
    messages.map((message) => ({ ...message, timestamp: new Date() })),
  );
  // The queue result names the retried messages but not their delays: each retry's delay is read on the way.
  const delays: Record<string, number | undefined> = {};
  for (const message of batch.messages) {
    const retry = message.retry.bind(message);
    message.retry = (options) => {
      delays[message.id] = options?.delaySeconds;
      retry(options);
    };
  }
  const ctx = createExecutionContext();
  await worker.queue(batch, { ...env, ...overrides } as Env, ctx);
  const result = await getQueueResult(batch, ctx);
  return { ...result, retryMessages: result.retryMessages.map(({ msgId }) => ({ msgId, delaySeconds: delays[msgId] })) };
}

const rowsFor = async (messageId: string) =>
  (await env.DB.prepare("SELECT queue, body FROM dead_letters WHERE message_id = ?").bind(messageId).all<{ queue: string; body: string }>()).results;

const archived = async () => (await env.DEAD_LETTER_ARCHIVE.list({ prefix: "dead-letters/" })).objects.map((object) => object.key);

async function ops<T>(method: string, path: string): Promise<T> {
  const { status, body } = await opsRequest<T>(method, path);
  expect(status).toBe(200);
  return body;
}

describe("dead-letter consumer (D1 failing)", () => {
  it("retries with backoff while D1 refuses, archives to R2 at the bound, and the archive goes back to dead_letters: nothing lost", async () => {
    const tag = crypto.randomUUID();
    const bodies = Array.from({ length: 3 }, (_, i) => ({ type: "pixel", tenantId: "ten_dlq_test", n: i, tag }));
    const ids = bodies.map((_body, i) => `dlq-${tag}-${i}`);

    for (let attempts = 1; attempts < DEAD_LETTER_WRITE_ATTEMPTS; attempts++) {
      const result = await deliverDeadLetters(bodies.map((body, i) => ({ id: ids[i]!, attempts, body })), { DB: failingDb });
      expect(result.ackAll).toBe(false);
      expect(result.explicitAcks).toEqual([]);
      expect(result.retryMessages).toEqual(ids.map((msgId) => ({ msgId, delaySeconds: 2 ** attempts })));
    }
    expect(await archived()).toEqual([]);

    const last = await deliverDeadLetters(bodies.map((body, i) => ({ id: ids[i]!, attempts: DEAD_LETTER_WRITE_ATTEMPTS, body })), { DB: failingDb });
    expect(last.explicitAcks.toSorted()).toEqual(ids.toSorted());
    expect(last.retryMessages).toEqual([]);
    const listed = await ops<{ data: { queue: string; messageId: string; reason: string; writeError: string; body: unknown }[] }>("GET", "/dead-letters/archived");
    const mine = listed.data.filter((record) => ids.includes(record.messageId));
    expect(mine).toHaveLength(3);
    for (const record of mine) {
      expect(record).toMatchObject({ queue: QUEUE_NAMES.ingest, reason: "retries exhausted", writeError: expect.stringContaining("simulated outage") });
      expect(bodies).toContainEqual(record.body);
    }

    // D1 is back: the operator (or the nightly retention cron) restores them; a second restore adds nothing.
    expect(await ops<{ restored: number }>("POST", "/dead-letters/restore")).toMatchObject({ restored: 3 });
    expect(await ops<{ restored: number }>("POST", "/dead-letters/restore")).toMatchObject({ restored: 0 });
    expect(await archived()).toEqual([]);
    for (const [i, msgId] of ids.entries()) {
      const rows = await rowsFor(msgId);
      expect(rows).toHaveLength(1);
      expect(JSON.parse(rows[0]!.body)).toEqual({ reason: "retries exhausted", body: bodies[i] });
    }

    // The same message delivered again once D1 works is not a second row.
    await deliverDeadLetters([{ id: ids[0]!, attempts: 1, body: bodies[0] }]);
    expect(await rowsFor(ids[0]!)).toHaveLength(1);
  });

  it("keeps retrying a dead letter past the bound while the archive refuses it too", async () => {
    const msgId = `dlq-${crypto.randomUUID()}`;
    const result = await deliverDeadLetters([{ id: msgId, attempts: DEAD_LETTER_WRITE_ATTEMPTS + 1, body: { type: "pixel", tenantId: "ten_dlq_test" } }], {
      DB: failingDb,
      DEAD_LETTER_ARCHIVE: failingArchive,
    });
    expect(result.explicitAcks).toEqual([]);
    expect(result.retryMessages).toEqual([{ msgId, delaySeconds: 2 ** (DEAD_LETTER_WRITE_ATTEMPTS + 1) }]);
    expect(await rowsFor(msgId)).toEqual([]);
  });
});
