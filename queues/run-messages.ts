import type { z } from "zod";
import { errorMessage } from "../worker/lib/log.ts";
import type { Deps } from "../worker/context/deps.ts";
import { TenantMovingError } from "../worker/context/tenant-directory.ts";
import { recordDeadLetters, type DeadLetter } from "../worker/services/dead-letters/record-dead-letters.ts";
import { queueProducer } from "./queue-producer.ts";

export type BatchOutcome = { messages: number; acked: number; retried: number; invalid: number };

const MAX_BACKOFF_SECONDS = 15 * 60;

export function retryDelaySeconds(attempts: number): number {
  return Math.min(2 ** attempts, MAX_BACKOFF_SECONDS);
}

/** Messages of tenants frozen by a move, to send back to their queue once the batch is handled (`requeueFrozen`). */
export type FrozenMessages = { message: Message<unknown>; delaySeconds: number }[];

/**
 * Retries a message with backoff. A tenant frozen by a move waits at least the move's retry delay and is logged as
 * waiting, not failing; given `frozen`, its message is set aside there to be sent again as a new message.
 */
export function retryMessage(message: Message<unknown>, error: unknown, deps: Deps, queue: string, frozen?: FrozenMessages): void {
  const delaySeconds = retryDelaySeconds(message.attempts);
  if (error instanceof TenantMovingError) {
    deps.log.info("tenant moving; message retried", { queue, tenant: error.tenantId, attempts: message.attempts });
    const wait = Math.max(delaySeconds, error.retryAfterSeconds);
    if (frozen) frozen.push({ message, delaySeconds: wait });
    else message.retry({ delaySeconds: wait });
    return;
  }
  deps.log.warn("message failed", { queue, attempts: message.attempts, error: errorMessage(error) });
  message.retry({ delaySeconds });
}

/**
 * Sends each message of a frozen tenant back to `queue` as a new message, then acks it: its attempts start again,
 * so a move that keeps a large tenant frozen longer than the queue's retries span never dead-letters its traffic.
 * A message whose send fails is retried as usual; one sent twice does its work once (every consumer is idempotent).
 */
export async function requeueFrozen(queue: Queue, frozen: FrozenMessages): Promise<void> {
  await Promise.all(
    frozen.map(async ({ message, delaySeconds }) => {
      try {
        await queue.send(message.body, { delaySeconds });
        message.ack();
      } catch {
        message.retry({ delaySeconds });
      }
    }),
  );
}

/**
 * Why a body fails its queue's schema, kept with its dead letter: a message type no handler takes (a producer newer
 * than this consumer, or a kind not built yet), or the first invalid field.
 */
export function invalidBodyReason(error: z.ZodError, body: unknown): string {
  const issue = error.issues[0];
  const type = body && typeof body === "object" && "type" in body ? body.type : undefined;
  if (issue?.code === "invalid_union" && issue.path.join(".") === "type" && typeof type === "string") return `no handler for message type ${type}`;
  const path = issue?.path.length ? issue.path.join(".") : "(root)";
  return `invalid message body: ${path} ${issue?.message ?? "is invalid"}`;
}

/**
 * Validates each message against `schema` and hands it to `handle` one at a time. A body no handler takes is
 * recorded as a dead letter with the reason and acked (retrying cannot fix it); a failure retries with backoff; a
 * frozen tenant's message goes back on its queue as a new one.
 */
export async function runMessages<S extends z.ZodType>(
  batch: MessageBatch<unknown>,
  schema: S,
  deps: Deps,
  handle: (body: z.infer<S>, message: Message<unknown>) => Promise<void>,
): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { messages: batch.messages.length, acked: 0, retried: 0, invalid: 0 };
  const invalid: DeadLetter[] = [];
  const producer = queueProducer(deps.env, batch.queue);
  const frozen: FrozenMessages = [];
  for (const message of batch.messages) {
    const parsed = schema.safeParse(message.body);
    if (!parsed.success) {
      invalid.push({ message, reason: invalidBodyReason(parsed.error, message.body) });
      continue;
    }
    try {
      await handle(parsed.data, message);
      message.ack();
      outcome.acked++;
    } catch (error) {
      retryMessage(message, error, deps, batch.queue, producer ? frozen : undefined);
      outcome.retried++;
    }
  }
  if (producer) await requeueFrozen(producer, frozen);
  if (invalid.length > 0) {
    await recordDeadLetters({ ctx: deps, input: { queue: batch.queue, letters: invalid } });
    for (const { message } of invalid) message.ack();
    outcome.invalid = invalid.length;
    outcome.acked += invalid.length;
  }
  return outcome;
}
