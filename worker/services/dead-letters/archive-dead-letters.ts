import type { Deps } from "../../context/deps.ts";
import type { DeadLetter, StoredMessage } from "./record-dead-letters.ts";

export const ARCHIVE_PREFIX = "dead-letters/";

/** What the last-resort record keeps of one message: enough to put it in `dead_letters` later, as if nothing failed. */
export type ArchivedDeadLetter = {
  queue: string;
  messageId: string;
  reason: string;
  attempts: number;
  body: unknown;
  archivedAt: string;
  /** Why `dead_letters` could not take it. */
  writeError: string;
};

export const archiveKey = (queue: string, messageId: string) => `${ARCHIVE_PREFIX}${queue}/${encodeURIComponent(messageId)}.json`;

/**
 * The last resort when `dead_letters` (D1) keeps refusing a dead letter: one R2 object per message, keyed by its
 * queue and id so a redelivery overwrites rather than doubles it. `restoreArchivedDeadLetters` moves them back.
 */
export async function archiveDeadLetters(args: { ctx: Pick<Deps, "env">; input: { queue: string; letters: readonly DeadLetter<StoredMessage>[]; writeError: string; now: number } }): Promise<void> {
  const { ctx, input } = args;
  await Promise.all(
    input.letters.map(({ message, reason }) => {
      const record: ArchivedDeadLetter = {
        queue: input.queue,
        messageId: message.id,
        reason,
        attempts: message.attempts,
        body: message.body,
        archivedAt: new Date(input.now).toISOString(),
        writeError: input.writeError.slice(0, 500),
      };
      return ctx.env.DEAD_LETTER_ARCHIVE.put(archiveKey(input.queue, message.id), JSON.stringify(record), { httpMetadata: { contentType: "application/json" } });
    }),
  );
}
