import type { Deps } from "../worker/context/deps.ts";
import { errorMessage } from "../worker/lib/log.ts";
import { archiveDeadLetters } from "../worker/services/dead-letters/archive-dead-letters.ts";
import { keepDeadLetters } from "../worker/services/dead-letters/keep-dead-letters.ts";
import { retryDelaySeconds, type BatchOutcome } from "./run-messages.ts";

/** Deliveries of one dead letter that try `dead_letters` (D1); the next ones archive it to R2 (wrangler.toml allows 10). */
export const DEAD_LETTER_WRITE_ATTEMPTS = 5;

/**
 * Consumer of every dead-letter queue: the source queue is the DLQ's name without `-dlq`. A failed write to
 * `dead_letters` is retried with backoff; a message that has failed it DEAD_LETTER_WRITE_ATTEMPTS times is archived
 * to R2 instead, and retried again only if that fails too. Messages of erased data are dropped (keepDeadLetters).
 */
export async function consumeDeadLetters(batch: MessageBatch<unknown>, deps: Deps): Promise<BatchOutcome> {
  const sourceQueue = batch.queue.replace(/-dlq$/, "");
  const letters = batch.messages.map((message) => ({ message, reason: "retries exhausted" }));
  const outcome: BatchOutcome = { messages: batch.messages.length, acked: 0, retried: 0, invalid: 0 };
  let writeError: string;
  try {
    const { kept, dropped } = await keepDeadLetters({ ctx: deps, input: { queue: sourceQueue, letters } });
    batch.ackAll();
    if (dropped > 0) deps.log.info("dead letters of erased data dropped", { queue: sourceQueue, count: dropped });
    deps.log.warn("dead letters recorded", { queue: sourceQueue, count: kept });
    return { ...outcome, acked: batch.messages.length };
  } catch (error) {
    writeError = errorMessage(error);
  }
  const due = letters.filter(({ message }) => message.attempts >= DEAD_LETTER_WRITE_ATTEMPTS);
  for (const { message } of letters) {
    if (message.attempts >= DEAD_LETTER_WRITE_ATTEMPTS) continue;
    message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
    outcome.retried++;
  }
  deps.log.error("dead letters not recorded", { queue: sourceQueue, retried: outcome.retried, archiving: due.length, error: writeError });
  if (due.length === 0) return outcome;
  try {
    await archiveDeadLetters({ ctx: deps, input: { queue: sourceQueue, letters: due, writeError, now: Date.now() } });
    for (const { message } of due) message.ack();
    outcome.acked += due.length;
    deps.log.error("dead letters archived to R2", { queue: sourceQueue, count: due.length });
  } catch (error) {
    for (const { message } of due) message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
    outcome.retried += due.length;
    deps.log.error("dead letters not archived", { queue: sourceQueue, count: due.length, error: errorMessage(error) });
  }
  return outcome;
}
