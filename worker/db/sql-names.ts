import { getTableColumns, getTableName, sql, type SQL } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";

// Raw SQL takes every table and column name from the drizzle schema, so renaming one fails the typecheck. In a
// `sql` template, `${table}` and `${table.column}` (or an `alias()`'s columns) already do; these cover the rest.

/** A column's bare name: insert column lists, `set` targets, `on conflict (…)`, and columns read from a subquery. */
export const col = (column: { name: string }) => sql.identifier(column.name);

/** The value an upsert tried to insert into `column`, in its `do update` clause. */
export const excluded = (column: { name: string }): SQL => sql`excluded.${col(column)}`;

type ColumnKey<T extends SQLiteTable> = keyof T["_"]["columns"] & string;

/** `("a", "b", …)`: columns by schema key, in the order given, for an insert or an `on conflict` target. */
export function columnsOf<T extends SQLiteTable>(table: T, ...keys: ColumnKey<T>[]): SQL {
  const columns = getTableColumns(table);
  return sql`(${sql.join(keys.map((key) => col(columns[key]!)), sql`, `)})`;
}

export type TableNames<T extends SQLiteTable> = Record<ColumnKey<T>, string> & { $table: string };

/**
 * The names of a table for SQL written as text (prepared statements with numbered parameters, the segment
 * compiler): `$table`, and each column's SQL name under its schema key. Computed once, at module load.
 */
export function tableNames<T extends SQLiteTable>(table: T): TableNames<T> {
  const columns = Object.entries(getTableColumns(table)).map(([key, column]) => [key, column.name]);
  return { ...Object.fromEntries(columns), $table: getTableName(table) } as TableNames<T>;
}
