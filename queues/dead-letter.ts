import type { Deps } from "../worker/context/deps.ts";
import { recordDeadLetters } from "../worker/services/dead-letters/record-dead-letters.ts";
import { findErasedMessages } from "../worker/services/privacy/index.ts";
import type { BatchOutcome } from "./run-messages.ts";

/**
 * Consumer of every dead-letter queue: the source queue is the DLQ's name without `-dlq`. Messages of an erased
 * tenant or shop, or naming a redacted customer, are dropped: a dead letter would keep their data again.
 */
export async function consumeDeadLetters(batch: MessageBatch<unknown>, deps: Deps): Promise<BatchOutcome> {
  const sourceQueue = batch.queue.replace(/-dlq$/, "");
  const erased = await findErasedMessages({ ctx: deps, input: { bodies: batch.messages.map((message) => message.body) } });
  const kept = batch.messages.filter((_message, i) => !erased.has(i));
  if (kept.length > 0) {
    await recordDeadLetters({ ctx: deps, input: { queue: sourceQueue, letters: kept.map((message) => ({ message, reason: "retries exhausted" })) } });
  }
  batch.ackAll();
  if (erased.size > 0) deps.log.info("dead letters of erased data dropped", { queue: sourceQueue, count: erased.size });
  deps.log.warn("dead letters recorded", { queue: sourceQueue, count: kept.length });
  return { messages: batch.messages.length, acked: batch.messages.length, retried: 0, invalid: 0 };
}
