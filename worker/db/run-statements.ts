import type { SQL } from "drizzle-orm";
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";

const dialect = new SQLiteAsyncDialect();

/**
 * Runs SQL chunks as one D1 batch (one transaction). Straight on the D1 binding: drizzle 0.45's D1 `batch()` cannot
 * run `db.run(sql)` statements that carry parameters.
 */
export async function runStatements(d1: D1Database, statements: SQL[]): Promise<void> {
  if (statements.length === 0) return;
  await d1.batch(
    statements.map((statement) => {
      const query = dialect.sqlToQuery(statement);
      return d1.prepare(query.sql).bind(...query.params);
    }),
  );
}
