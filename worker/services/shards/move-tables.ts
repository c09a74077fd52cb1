import { getTableConfig, type SQLiteColumn } from "drizzle-orm/sqlite-core";
import { PRIVACY_CLASSIFICATION } from "../../db/privacy-classification.ts";

/** A data-plane table as a move copies it: its columns in schema order, its primary key, and its tenant column. */
export type MoveTable = { name: string; columns: string[]; key: string[]; tenantColumn: string; batchRows: number };

const TENANT_COLUMN = "tenant_id";
// Rows read per batch: quarantined webhook bodies run up to a megabyte each, so a batch of them stays a few megabytes.
const BATCH_ROWS = 500;
const WIDE_ROW_TABLES: Record<string, number> = { quarantine: 25 };

function primaryKey(table: ReturnType<typeof getTableConfig>): string[] {
  const composite = table.primaryKeys[0]?.columns.map((column: SQLiteColumn) => column.name);
  return composite ?? table.columns.filter((column) => column.primary).map((column) => column.name);
}

/**
 * Every table its privacy classification puts on the data plane, in a fixed order (the move's `table_index` points
 * into it): a new data table moves without being listed here. One without a tenant column could not be moved, so
 * it stops the worker from loading rather than stay behind on the old shard.
 */
export const MOVE_TABLES: readonly MoveTable[] = PRIVACY_CLASSIFICATION.filter((entry) => entry.plane === "data").map((entry) => {
  const table = getTableConfig(entry.table);
  const tenantColumn = table.columns.find((column) => column.name === TENANT_COLUMN);
  if (!tenantColumn) throw new Error(`${table.name} is on the data plane without a ${TENANT_COLUMN} column, so a tenant move cannot carry it.`);
  return { name: table.name, columns: table.columns.map((column) => column.name), key: primaryKey(table), tenantColumn: tenantColumn.name, batchRows: WIDE_ROW_TABLES[table.name] ?? BATCH_ROWS };
});
