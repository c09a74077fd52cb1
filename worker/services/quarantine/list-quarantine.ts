import { and, desc, eq, isNull, lt, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import { quarantineTable } from "../../db/schema/index.ts";
import { decodeKeysetCursor, encodeKeysetCursor } from "../../lib/keyset-cursor.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import type { Deps } from "../deps.ts";

export const ListQuarantineInput = z.object({
  tenantId: z.string().min(1).optional(),
  status: z.enum(["open", "all"]).default("open"),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
});

export type QuarantineSummary = {
  id: string;
  tenantId: string | null;
  shopDomain: string | null;
  source: string;
  topic: string | null;
  reason: string;
  receivedAt: string;
  replayedAt: string | null;
  replayResult: string | null;
  payloadPreview: string;
};

/** Newest first; `open` = never replayed. The payload is cut to a preview here; `getQuarantine` has it whole. */
export async function listQuarantine(deps: Deps, input: z.output<typeof ListQuarantineInput>): Promise<Result<{ data: QuarantineSummary[]; nextCursor: string | null }, { message: string }>> {
  const cursor = input.cursor === undefined ? undefined : decodeKeysetCursor(input.cursor);
  if (cursor === null) return err({ message: "cursor is not one this API returned" });
  const filters: (SQL | undefined)[] = [
    input.tenantId ? eq(quarantineTable.tenantId, input.tenantId) : undefined,
    input.status === "open" ? isNull(quarantineTable.replayedAt) : undefined,
    cursor
      ? or(lt(quarantineTable.receivedAt, new Date(cursor.at)), and(eq(quarantineTable.receivedAt, new Date(cursor.at)), lt(quarantineTable.id, cursor.id)))
      : undefined,
  ];
  const rows = await deps.db
    .select()
    .from(quarantineTable)
    .where(and(...filters))
    .orderBy(desc(quarantineTable.receivedAt), desc(quarantineTable.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return ok({
    data: page.map((row) => ({
      id: row.id,
      tenantId: row.tenantId,
      shopDomain: row.shopDomain,
      source: row.source,
      topic: row.topic,
      reason: row.reason,
      receivedAt: row.receivedAt.toISOString(),
      replayedAt: row.replayedAt?.toISOString() ?? null,
      replayResult: row.replayResult,
      payloadPreview: row.payload.slice(0, 300),
    })),
    nextCursor: rows.length > input.limit && last ? encodeKeysetCursor({ at: last.receivedAt.getTime(), id: last.id }) : null,
  });
}

export async function getQuarantine(deps: Deps, id: string) {
  return (await deps.db.select().from(quarantineTable).where(eq(quarantineTable.id, id)).get()) ?? null;
}
