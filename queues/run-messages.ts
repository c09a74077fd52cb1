import type { z } from "zod";
import { errorMessage } from "../worker/lib/log.ts";
import type { Deps } from "../worker/context/deps.ts";
import { recordDeadLetters } from "../worker/services/dead-letters/record-dead-letters.ts";

export type BatchOutcome = { messages: number; acked: number; retried: number; invalid: number };

const MAX_BACKOFF_SECONDS = 15 * 60;

export function retryDelaySeconds(attempts: number): number {
  return Math.min(2 ** attempts, MAX_BACKOFF_SECONDS);
}

/**
 * Validates each message against `schema` and hands it to `handle` one at a time. A malformed body is
 * recorded as a dead letter and acked (retrying cannot fix it); a failure retries with exponential backoff.
 */
export async function runMessages<S extends z.ZodType>(
  batch: MessageBatch<unknown>,
  schema: S,
  deps: Deps,
  handle: (body: z.infer<S>, message: Message<unknown>) => Promise<void>,
): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { messages: batch.messages.length, acked: 0, retried: 0, invalid: 0 };
  const invalid: Message<unknown>[] = [];
  for (const message of batch.messages) {
    const parsed = schema.safeParse(message.body);
    if (!parsed.success) {
      invalid.push(message);
      continue;
    }
    try {
      await handle(parsed.data, message);
      message.ack();
      outcome.acked++;
    } catch (error) {
      deps.log.warn("message failed", { queue: batch.queue, attempts: message.attempts, error: errorMessage(error) });
      message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
      outcome.retried++;
    }
  }
  if (invalid.length > 0) {
    await recordDeadLetters(deps, batch.queue, invalid, "invalid message body");
    for (const message of invalid) message.ack();
    outcome.invalid = invalid.length;
    outcome.acked += invalid.length;
  }
  return outcome;
}
