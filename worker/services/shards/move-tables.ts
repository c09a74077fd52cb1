import { getTableConfig, type SQLiteColumn } from "drizzle-orm/sqlite-core";
import { PRIVACY_CLASSIFICATION } from "../../db/privacy-classification.ts";

/** A data-plane table as a move copies it: its columns in schema order, its primary key, and its tenant column. */
export type MoveTable = { name: string; columns: string[]; key: string[]; tenantColumn: string; batchRows: number };

// Control-plane tables stay in the control database whatever shard holds the tenant's data.
const CONTROL_TABLES = new Set([
  "tenants", "shop_credentials", "api_keys", "connect_links", "tenant_settings", "billing_subscriptions", "billing_trials", "usage_counters",
  "tenant_tombstones", "shop_tombstones", "tenant_shards", "tenant_moves", "dead_letters",
]);

// Rows read per batch: raw webhook bodies run up to a megabyte each, so a batch of them stays a few megabytes.
const BATCH_ROWS = 500;
const WIDE_ROW_TABLES: Record<string, number> = { ingest_payloads: 4, quarantine: 25 };

function primaryKey(table: ReturnType<typeof getTableConfig>): string[] {
  const composite = table.primaryKeys[0]?.columns.map((column: SQLiteColumn) => column.name);
  return composite ?? table.columns.filter((column) => column.primary).map((column) => column.name);
}

/** Every table of the data plane that carries a tenant id, in a fixed order (the move's `table_index` points into it). */
export const MOVE_TABLES: readonly MoveTable[] = PRIVACY_CLASSIFICATION.flatMap((entry) => {
  const table = getTableConfig(entry.table);
  const tenantColumn = table.columns.find((column) => column.name === "tenant_id");
  if (CONTROL_TABLES.has(table.name) || !tenantColumn) return [];
  return [{ name: table.name, columns: table.columns.map((column) => column.name), key: primaryKey(table), tenantColumn: tenantColumn.name, batchRows: WIDE_ROW_TABLES[table.name] ?? BATCH_ROWS }];
});
