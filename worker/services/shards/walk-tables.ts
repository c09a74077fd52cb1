import { MOVE_TABLES, type MoveTable } from "./move-tables.ts";

/** How much one step may do: it ends well inside the lease and a queue invocation's 1,000 D1 queries. */
export type StepBudget = { deadline: number; batchesLeft: number };

/** The two databases a pass works on. */
export type MoveSides = { source: D1Database; target: D1Database };

export const STEP_MS = 10_000;
const STEP_BATCHES = 150;

export const newStepBudget = (now = Date.now(), batches = STEP_BATCHES): StepBudget => ({ deadline: now + STEP_MS, batchesLeft: batches });

/** One batch of a table from `after` (null: its start); answers the key to go on from, or null when the table is done. */
export type TableBatch = (table: MoveTable, after: string | null) => Promise<string | null>;

export type WalkPosition = { tableIndex: number; cursor: string | null };

/**
 * Runs `batch` over the data tables in order from `from`, until every table is done or the budget is spent, and
 * answers where it stopped; `tableIndex` past the last table means the pass is complete.
 */
export async function walkTables(from: WalkPosition, budget: StepBudget, batch: TableBatch): Promise<WalkPosition> {
  let { tableIndex, cursor } = from;
  while (tableIndex < MOVE_TABLES.length && budget.batchesLeft > 0 && Date.now() < budget.deadline) {
    budget.batchesLeft--;
    cursor = await batch(MOVE_TABLES[tableIndex]!, cursor);
    if (cursor === null) tableIndex++;
  }
  return { tableIndex, cursor };
}

export const passComplete = (position: WalkPosition) => position.tableIndex >= MOVE_TABLES.length;

/** A pass's cursor is the last rowid done on the side it walks; null is the table's start. */
export const rowidAfter = (cursor: string | null) => (cursor === null ? 0 : Number(cursor));
