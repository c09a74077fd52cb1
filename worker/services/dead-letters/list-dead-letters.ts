import { and, eq, isNull, type SQL } from "drizzle-orm";
import { z } from "zod";
import { afterCursor, keysetOrderBy, keysetPage, readCursor, type KeysetOrder } from "../../db/keyset-page.ts";
import { deadLettersTable } from "../../db/schema/index.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import type { Deps } from "../../context/deps.ts";
import { openLaggedReads } from "../../db/open-lagged-reads.ts";

export const ListDeadLettersInput = z.object({
  queue: z.string().min(1).optional(),
  status: z.enum(["open", "all"]).default("open"),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
});

export type DeadLetter = typeof deadLettersTable.$inferSelect;

const DEAD_LETTER_ORDER: KeysetOrder = { time: deadLettersTable.receivedAt, id: deadLettersTable.id, direction: "desc" };

/** Newest first; `open` = never replayed. Each row keeps the message body and why it ended here. */
export async function listDeadLetters(args: {
  ctx: Deps;
  input: z.output<typeof ListDeadLettersInput>;
}): Promise<Result<{ data: DeadLetter[]; nextCursor: string | null }, { message: string }>> {
  const { ctx, input } = args;
  const cursor = readCursor(input.cursor);
  if (!cursor.ok) return err(cursor.error);
  const filters: (SQL | undefined)[] = [
    input.queue ? eq(deadLettersTable.queue, input.queue) : undefined,
    input.status === "open" ? isNull(deadLettersTable.replayedAt) : undefined,
    afterCursor(DEAD_LETTER_ORDER, cursor.value),
  ];
  const rows = await openLaggedReads(ctx).db
    .select()
    .from(deadLettersTable)
    .where(and(...filters))
    .orderBy(...keysetOrderBy(DEAD_LETTER_ORDER))
    .limit(input.limit + 1);
  const { page, nextCursor } = keysetPage(rows, input.limit, (row) => ({ at: row.receivedAt.getTime(), id: row.id }));
  return ok({ data: page, nextCursor });
}
