import { desc, eq } from "drizzle-orm";
import { tenantMovesTable } from "../../db/schema/index.ts";
import { readDirectoryEntry, type DirectoryEntry } from "./directory.ts";
import type { MoveContext } from "./move-context.ts";
import { parseTables, type MoveTables, type TenantMove } from "./move-record.ts";

/** A move as the operator sees it, with what it measured: rows/s of the bulk copy, and how long the tenant was frozen. */
export type TenantMoveView = Omit<TenantMove, "tables" | "leasedUntil"> & { tables: MoveTables; copyRowsPerSecond: number | null; frozenMs: number | null };

export function describeMove(move: TenantMove, now = Date.now()): TenantMoveView {
  const { tables: _tables, leasedUntil: _lease, ...rest } = move;
  const copyMs = move.frozenAt ? move.frozenAt.getTime() - move.createdAt.getTime() : null;
  const thawedAt = move.switchedAt ?? (move.phase === "failed" ? move.finishedAt : null);
  return {
    ...rest,
    tables: parseTables(move),
    copyRowsPerSecond: copyMs ? Math.round((move.rowsCopied * 1_000) / Math.max(copyMs, 1)) : null,
    frozenMs: move.frozenAt ? (thawedAt ?? new Date(now)).getTime() - move.frozenAt.getTime() : null,
  };
}

export type TenantShardView = { tenantId: string; entry: DirectoryEntry | null; moves: TenantMoveView[] };

/** Where the tenant's data lives (its directory entry) and its latest moves, newest first. */
export async function describeTenantShard(args: { ctx: Pick<MoveContext, "db">; input: { tenantId: string; limit: number } }): Promise<TenantShardView> {
  const { ctx, input } = args;
  const moves = await ctx.db.select().from(tenantMovesTable).where(eq(tenantMovesTable.tenantId, input.tenantId)).orderBy(desc(tenantMovesTable.createdAt)).limit(input.limit).all();
  return { tenantId: input.tenantId, entry: await readDirectoryEntry({ ctx, input: { tenantId: input.tenantId } }), moves: moves.map((move) => describeMove(move)) };
}

/** The latest moves of every tenant, newest first: what `npm run ops -- tenant moves` shows. */
export async function listTenantMoves(args: { ctx: Pick<MoveContext, "db">; input: { limit: number } }): Promise<TenantMoveView[]> {
  const moves = await args.ctx.db.select().from(tenantMovesTable).orderBy(desc(tenantMovesTable.createdAt)).limit(args.input.limit).all();
  return moves.map((move) => describeMove(move));
}
