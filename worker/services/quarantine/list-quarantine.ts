import { and, eq, isNull, type SQL } from "drizzle-orm";
import { z } from "zod";
import { afterCursor, keysetOrderBy, keysetPage, readCursor, type KeysetOrder } from "../../db/keyset-page.ts";
import { quarantineTable } from "../../db/schema/index.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import type { Deps } from "../../context/deps.ts";
import { everyShard } from "../../context/for-shard.ts";
import { openLaggedReads } from "../../db/open-lagged-reads.ts";
import { isMoveCopy, listMoveCopies, notMoveCopies } from "../shards/list-move-copies.ts";

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

const QUARANTINE_ORDER: KeysetOrder = { time: quarantineTable.receivedAt, id: quarantineTable.id, direction: "desc" };

const newestFirst = (a: { receivedAt: Date; id: string }, b: { receivedAt: Date; id: string }) =>
  b.receivedAt.getTime() - a.receivedAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/**
 * Newest first across shards (each shard's page, merged); `open` = never replayed. A tenant being moved is read from
 * the shard its directory entry names now (read here, not from the isolate's cache), never from its copy. The
 * payload is cut to a preview here; `getQuarantine` has it whole.
 */
export async function listQuarantine(args: {
  ctx: Deps;
  input: z.output<typeof ListQuarantineInput>;
}): Promise<Result<{ data: QuarantineSummary[]; nextCursor: string | null }, { message: string }>> {
  const { ctx, input } = args;
  const cursor = readCursor(input.cursor);
  if (!cursor.ok) return err(cursor.error);
  const filters: (SQL | undefined)[] = [
    input.tenantId ? eq(quarantineTable.tenantId, input.tenantId) : undefined,
    input.status === "open" ? isNull(quarantineTable.replayedAt) : undefined,
    afterCursor(QUARANTINE_ORDER, cursor.value),
  ];
  const copies = await listMoveCopies({ ctx });
  const pages = await Promise.all(
    everyShard(ctx).map((shard) =>
      openLaggedReads(shard)
        .db.select()
        .from(quarantineTable)
        .where(and(...filters, notMoveCopies(copies, shard.shard, quarantineTable.tenantId)))
        .orderBy(...keysetOrderBy(QUARANTINE_ORDER))
        .limit(input.limit + 1),
    ),
  );
  const rows = pages.flat().sort(newestFirst).slice(0, input.limit + 1);
  const { page, nextCursor } = keysetPage(rows, input.limit, (row) => ({ at: row.receivedAt.getTime(), id: row.id }));
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
    nextCursor,
  });
}

/** A quarantine row by id, from whichever database holds it (never a move's copy), with that database's context. */
export async function findQuarantine(args: { ctx: Deps; input: { id: string } }) {
  const copies = await listMoveCopies({ ctx: args.ctx });
  for (const shard of everyShard(args.ctx)) {
    const row = await shard.db.select().from(quarantineTable).where(eq(quarantineTable.id, args.input.id)).get();
    if (row && !isMoveCopy(copies, shard.shard, row.tenantId)) return { row, shard };
  }
  return null;
}

export async function getQuarantine(args: { ctx: Deps; input: { id: string } }) {
  return (await findQuarantine(args))?.row ?? null;
}
