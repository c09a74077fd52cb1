import type { Deps } from "../../context/deps.ts";
import { ARCHIVE_PREFIX, type ArchivedDeadLetter } from "./archive-dead-letters.ts";
import { keepDeadLetters } from "./keep-dead-letters.ts";

const RESTORE_PAGE = 100;

/** The archived dead letters, oldest key first, as the operator reads them (`npm run ops -- dead-letters archived`). */
export async function listArchivedDeadLetters(args: { ctx: Pick<Deps, "env">; input: { limit: number } }): Promise<{ data: (ArchivedDeadLetter & { key: string })[]; more: boolean }> {
  const { ctx, input } = args;
  const listed = await ctx.env.DEAD_LETTER_ARCHIVE.list({ prefix: ARCHIVE_PREFIX, limit: input.limit });
  const data = [];
  for (const object of listed.objects) {
    const stored = await ctx.env.DEAD_LETTER_ARCHIVE.get(object.key);
    if (stored) data.push({ key: object.key, ...(await stored.json<ArchivedDeadLetter>()) });
  }
  return { data, more: listed.truncated };
}

/**
 * Moves archived dead letters into `dead_letters` (where replay, retention and privacy requests reach them) and
 * deletes each object only after its row is written; a failure leaves the object for the next run.
 */
export async function restoreArchivedDeadLetters(args: { ctx: Deps }): Promise<{ restored: number; dropped: number; more: boolean }> {
  const { ctx } = args;
  const page = await listArchivedDeadLetters({ ctx, input: { limit: RESTORE_PAGE } });
  const byQueue = new Map<string, typeof page.data>();
  for (const record of page.data) byQueue.set(record.queue, [...(byQueue.get(record.queue) ?? []), record]);
  let restored = 0;
  let dropped = 0;
  for (const [queue, records] of byQueue) {
    const letters = records.map((record) => ({ message: { id: record.messageId, body: record.body, attempts: record.attempts }, reason: record.reason }));
    const outcome = await keepDeadLetters({ ctx, input: { queue, letters } });
    await ctx.env.DEAD_LETTER_ARCHIVE.delete(records.map((record) => record.key));
    restored += outcome.kept;
    dropped += outcome.dropped;
  }
  return { restored, dropped, more: page.more };
}
