import { sql, type SQL } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "../../db/client.ts";

/**
 * How much one queue message may do before it sends its continuation: D1 allows 1,000 queries per invocation (the
 * privacy queue hands each invocation one message) and a slice should end well inside a minute.
 */
export type WorkBudget = { queriesLeft: number; deadline: number };

export const SLICE_QUERIES = 600;
export const SLICE_MS = 20_000;

export function newWorkBudget(now = Date.now()): WorkBudget {
  return { queriesLeft: SLICE_QUERIES, deadline: now + SLICE_MS };
}

export function spent(budget: WorkBudget): boolean {
  return budget.queriesLeft <= 0 || Date.now() >= budget.deadline;
}

/** Counts a query against the budget; call before running it. */
export function useQuery(budget: WorkBudget): void {
  budget.queriesLeft--;
}

/** Rows deleted per statement: one statement stays far below D1's 30 s, whatever indexes the table has. */
export const DELETE_BATCH_ROWS = 2_000;

export type StepProgress = { deleted: number; done: boolean };

/**
 * Deletes the rows of `table` matching `where`, `DELETE_BATCH_ROWS` at a time, until none are left or the budget is
 * spent. Idempotent and resumable: a continuation simply runs the same delete again.
 */
export async function deleteInBatches(args: { ctx: { db: Db }; input: { budget: WorkBudget; table: SQLiteTable; where: SQL; rows?: number } }): Promise<StepProgress> {
  const { ctx, input } = args;
  const { budget, table, where, rows = DELETE_BATCH_ROWS } = input;
  let deleted = 0;
  while (!spent(budget)) {
    useQuery(budget);
    const result = await ctx.db.run(sql`delete from ${table} where rowid in (select rowid from ${table} where ${where} limit ${rows})`);
    const changes = result.meta.changes ?? 0;
    deleted += changes;
    if (changes < rows) return { deleted, done: true };
  }
  return { deleted, done: false };
}
