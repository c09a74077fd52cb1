import { and, desc, eq, isNull, lt, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import { deadLettersTable } from "../../db/schema/index.ts";
import { decodeKeysetCursor, encodeKeysetCursor } from "../../lib/keyset-cursor.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import type { Deps } from "../deps.ts";

export const ListDeadLettersInput = z.object({
  queue: z.string().min(1).optional(),
  status: z.enum(["open", "all"]).default("open"),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
});

export type DeadLetter = typeof deadLettersTable.$inferSelect;

/** Newest first; `open` = never replayed. Each row keeps the message body and why it ended here. */
export async function listDeadLetters(deps: Deps, input: z.output<typeof ListDeadLettersInput>): Promise<Result<{ data: DeadLetter[]; nextCursor: string | null }, { message: string }>> {
  const cursor = input.cursor === undefined ? undefined : decodeKeysetCursor(input.cursor);
  if (cursor === null) return err({ message: "cursor is not one this API returned" });
  const filters: (SQL | undefined)[] = [
    input.queue ? eq(deadLettersTable.queue, input.queue) : undefined,
    input.status === "open" ? isNull(deadLettersTable.replayedAt) : undefined,
    cursor
      ? or(lt(deadLettersTable.receivedAt, new Date(cursor.at)), and(eq(deadLettersTable.receivedAt, new Date(cursor.at)), lt(deadLettersTable.id, cursor.id)))
      : undefined,
  ];
  const rows = await deps.db
    .select()
    .from(deadLettersTable)
    .where(and(...filters))
    .orderBy(desc(deadLettersTable.receivedAt), desc(deadLettersTable.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return ok({ data: page, nextCursor: rows.length > input.limit && last ? encodeKeysetCursor({ at: last.receivedAt.getTime(), id: last.id }) : null });
}
