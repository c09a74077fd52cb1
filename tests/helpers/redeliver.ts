import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { QUEUE_NAMES } from "../../queues/messages.ts";
import worker from "../../worker/index.ts";
import type { D1Bindings } from "./faulty-d1.ts";

/** A queued message as the queue keeps it between deliveries: same id and body, one more attempt each time. */
export type Queued = { id: string; body: unknown; attempts: number };

export const queued = (bodies: unknown[]): Queued[] => bodies.map((body, i) => ({ id: `ingest-fault-${crypto.randomUUID()}-${i}`, body, attempts: 1 }));

/**
 * One delivery of `messages` to the real ingest consumer, on the test bindings unless `bindings` (faulty-d1.ts) replace them. Answers
 * the messages the consumer did not ack, as the queue would deliver them again; a throw out of the consumer acks none.
 */
export async function deliverIngest(messages: Queued[], bindings: Partial<D1Bindings> = {}): Promise<{ unacked: Queued[]; acked: number }> {
  const batch = createMessageBatch(QUEUE_NAMES.ingest, messages.map((m) => ({ id: m.id, timestamp: new Date(), attempts: m.attempts, body: m.body })));
  const ctx = createExecutionContext();
  const threw = await worker.queue(batch, { ...env, ...bindings }, ctx).then(
    () => false,
    () => true,
  );
  const result = await getQueueResult(batch, ctx);
  const acked = threw ? new Set<string>() : new Set(result.explicitAcks);
  if (!threw && result.ackAll) for (const m of messages) acked.add(m.id);
  const unacked = messages.filter((m) => !acked.has(m.id)).map((m) => ({ ...m, attempts: m.attempts + 1 }));
  return { unacked, acked: acked.size };
}

/** Delivers `messages` again and again, healthy, until every one is acked; a message past `maxAttempts` fails the test. */
export async function redeliverUntilAcked(messages: Queued[], maxAttempts = 20): Promise<void> {
  let left = messages;
  while (left.length > 0) {
    const over = left.find((m) => m.attempts > maxAttempts);
    if (over) throw new Error(`message ${over.id} was still not acked after ${maxAttempts} deliveries`);
    left = (await deliverIngest(left)).unacked;
  }
}
