import { eq } from "drizzle-orm";
import { tenantMovesTable, type MovePhase } from "../../db/schema/index.ts";
import type { MoveContext } from "./move-context.ts";

export type TenantMove = typeof tenantMovesTable.$inferSelect;

/**
 * One table's figures in a move: rows copied, rows the catch-up wrote again, rows verify deleted from the target
 * (gone from the source), each side's count and digest, and rows the cleanup deleted from the source.
 */
export type TableFigures = {
  copied?: number;
  repaired?: number;
  pruned?: number;
  sourceRows?: number;
  targetRows?: number;
  sourceDigest?: string;
  targetDigest?: string;
  deleted?: number;
};
export type MoveTables = Record<string, TableFigures>;

/** What a step changed: the move's new position and figures, and how long its next step waits. */
export type StepOutcome = {
  phase: MovePhase;
  tableIndex: number;
  cursor: string | null;
  tables: MoveTables;
  rowsCopied?: number;
  error?: string;
  frozenAt?: Date;
  switchedAt?: Date;
  delaySeconds?: number;
};

export const parseTables = (move: TenantMove): MoveTables => JSON.parse(move.tables) as MoveTables;

export async function loadMove(args: { ctx: Pick<MoveContext, "db">; input: { moveId: string } }): Promise<TenantMove | null> {
  return (await args.ctx.db.select().from(tenantMovesTable).where(eq(tenantMovesTable.id, args.input.moveId)).get()) ?? null;
}

export const isFinished = (phase: MovePhase) => phase === "done" || phase === "failed";

/** The figures of one table, created empty the first time a phase counts something there. */
export function figuresOf(tables: MoveTables, name: string): TableFigures {
  const figures = tables[name] ?? {};
  tables[name] = figures;
  return figures;
}
