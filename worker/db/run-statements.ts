import type { SQL } from "drizzle-orm";
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";

const dialect = new SQLiteAsyncDialect();

/**
 * Runs SQL chunks as one D1 batch (one transaction). Straight on the D1 binding: drizzle 0.45's D1 `batch()` cannot
 * run `db.run(sql)` statements that carry parameters.
 */
export async function runStatements(d1: D1Database, statements: SQL[]): Promise<void> {
  await runTimedStatements(d1, statements);
}

/** runStatements, returning D1's own time for the batch: `meta.duration` summed over its statements, in ms. */
export async function runTimedStatements(d1: D1Database, statements: SQL[]): Promise<number> {
  if (statements.length === 0) return 0;
  const results = await d1.batch(
    statements.map((statement) => {
      const query = dialect.sqlToQuery(statement);
      return d1.prepare(query.sql).bind(...query.params);
    }),
  );
  return results.reduce((ms, result) => ms + (result.meta?.duration ?? 0), 0);
}
