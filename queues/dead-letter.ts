import type { Deps } from "../worker/context/deps.ts";
import { recordDeadLetters } from "../worker/services/dead-letters/record-dead-letters.ts";
import type { BatchOutcome } from "./run-messages.ts";

/** Consumer of every dead-letter queue: the source queue is the DLQ's name without `-dlq`. */
export async function consumeDeadLetters(batch: MessageBatch<unknown>, deps: Deps): Promise<BatchOutcome> {
  const sourceQueue = batch.queue.replace(/-dlq$/, "");
  await recordDeadLetters({
    ctx: deps,
    input: { queue: sourceQueue, letters: batch.messages.map((message) => ({ message, reason: "retries exhausted" })) },
  });
  batch.ackAll();
  deps.log.warn("dead letters recorded", { queue: sourceQueue, count: batch.messages.length });
  return { messages: batch.messages.length, acked: batch.messages.length, retried: 0, invalid: 0 };
}
