import { getTableColumns, is, sql, SQL, type Column, type SQLChunk } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";

/** A column's value in an insert: the row's, else the schema's default, as `values (…)` would take it. */
function insertValue(column: Column, value: unknown): SQLChunk {
  if (value !== undefined) return is(value, SQL) ? value : sql.param(value, column);
  if (column.default !== undefined && column.default !== null) return is(column.default, SQL) ? column.default : sql.param(column.default, column);
  const generated = column.defaultFn?.() ?? column.onUpdateFn?.();
  if (generated !== undefined) return is(generated, SQL) ? generated : sql.param(generated, column);
  return sql`null`;
}

/**
 * `select <row> where <condition>`, for `db.insert(table).select(…)`: one row inserted only if `condition` holds when
 * the statement runs. One statement is atomic in D1, so a limit checked here cannot be passed by concurrent inserts.
 * Columns come in the order drizzle lists them for `insert … select` (every one but those generated always).
 */
export function rowWhere<T extends SQLiteTable>(table: T, row: T["$inferInsert"], condition: SQL): SQL {
  const values = Object.entries(getTableColumns(table))
    .filter(([, column]) => column.generated === undefined || column.generated.type === "byDefault")
    .map(([key, column]) => insertValue(column, (row as Record<string, unknown>)[key]));
  return sql`select ${sql.join(values, sql`, `)} where ${condition}`;
}
