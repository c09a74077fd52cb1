import { eq, inArray, isNull, ne, not, or, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Deps } from "../../context/deps.ts";
import { tenantMovesTable, tenantShardsTable } from "../../db/schema/index.ts";

/**
 * Per shard, the tenants whose rows there are a move's copies and not theirs to serve: the target's before the
 * switch (or after a failed verify), the source's until cleanup deletes them. Work across every shard leaves them
 * out, so a tenant being moved is listed and counted once, from the shard its directory entry names.
 */
export type MoveCopies = ReadonlyMap<string, readonly string[]>;

export async function listMoveCopies(args: { ctx: Pick<Deps, "db"> }): Promise<MoveCopies> {
  const moves = await args.ctx.db
    .select({ tenantId: tenantMovesTable.tenantId, from: tenantMovesTable.fromShard, to: tenantMovesTable.toShard, placed: tenantShardsTable.shard })
    .from(tenantMovesTable)
    .innerJoin(tenantShardsTable, eq(tenantShardsTable.tenantId, tenantMovesTable.tenantId))
    .where(ne(tenantMovesTable.phase, "done"));
  const copies = new Map<string, string[]>();
  for (const move of moves) {
    for (const shard of [move.from, move.to]) {
      if (shard === move.placed) continue;
      const tenants = copies.get(shard) ?? [];
      if (!tenants.includes(move.tenantId)) tenants.push(move.tenantId);
      copies.set(shard, tenants);
    }
  }
  return copies;
}

/** A filter keeping the rows of `shard` that are not move copies (rows of no tenant are always kept). */
export function notMoveCopies(copies: MoveCopies, shard: string, tenantId: SQLiteColumn): SQL | undefined {
  const tenants = copies.get(shard);
  if (!tenants?.length) return undefined;
  return or(isNull(tenantId), not(inArray(tenantId, [...tenants])));
}

/** Whether a row of `tenantId` read on `shard` is a move's copy. */
export const isMoveCopy = (copies: MoveCopies, shard: string, tenantId: string | null) => tenantId !== null && (copies.get(shard)?.includes(tenantId) ?? false);
