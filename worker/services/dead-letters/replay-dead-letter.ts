import { and, eq, isNull } from "drizzle-orm";
import { queueProducer } from "../../../queues/queue-producer.ts";
import { deadLettersTable } from "../../db/schema/index.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import type { Deps } from "../../context/deps.ts";

/**
 * Sends a dead letter's original body back to its source queue, once: the row is claimed with a conditional update
 * first, so two operators replaying together send it once.
 */
export async function replayDeadLetter(args: {
  ctx: Deps;
  input: { id: string };
}): Promise<Result<{ queue: string }, { reason: "not_found" | "already_replayed" | "unknown_queue" | "unreadable" }>> {
  const { ctx, input } = args;
  const { id } = input;
  const now = Date.now();
  const row = await ctx.db.select().from(deadLettersTable).where(eq(deadLettersTable.id, id)).get();
  if (!row) return err({ reason: "not_found" });
  const producer = queueProducer(ctx.env, row.queue);
  if (!producer) return err({ reason: "unknown_queue" });
  let body: unknown;
  try {
    body = (JSON.parse(row.body) as { body?: unknown }).body;
  } catch {
    return err({ reason: "unreadable" });
  }
  const claimed = await ctx.db
    .update(deadLettersTable)
    .set({ replayedAt: new Date(now) })
    .where(and(eq(deadLettersTable.id, id), isNull(deadLettersTable.replayedAt)))
    .returning({ id: deadLettersTable.id });
  if (claimed.length === 0) return err({ reason: "already_replayed" });
  await producer.send(body);
  ctx.log.info("dead letter replayed", { queue: row.queue, deadLetterId: id });
  return ok({ queue: row.queue });
}
