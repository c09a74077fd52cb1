import { readdirSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";

/** A slice of one table's rows for one tenant, values in column order. */
export type RowSlice = { table: string; columns: string[]; rows: unknown[][] };

/** The app's local D1 file: miniflare keeps each database as `<hash>.sqlite` next to its `metadata.sqlite`. */
function localD1File(persistTo: string): string {
  const dir = join(persistTo, "v3", "d1", "miniflare-D1DatabaseObject");
  const files = readdirSync(dir).filter((name) => name.endsWith(".sqlite") && name !== "metadata.sqlite");
  if (files.length !== 1) throw new Error(`expected one local D1 database in ${dir}, found ${files.length}`);
  return join(dir, files[0]!);
}

/**
 * The rows one tenant has in `tables`, in the order they were written (rowid), as slices of `sliceRows`. Read
 * straight from the local D1 file, read-only, once the app has gone quiet (WAL lets a reader share it).
 */
export function* readWrittenRows(persistTo: string, tenantId: string, tables: readonly string[], sliceRows: number): Generator<RowSlice> {
  const db = new DatabaseSync(localD1File(persistTo), { readOnly: true });
  try {
    for (const table of tables) {
      const columns = (db.prepare(`pragma table_info(${table})`).all() as { name: string }[]).map((column) => column.name);
      const select = db.prepare(`select rowid as "rowid:", ${columns.join(", ")} from ${table} where tenant_id = ? and rowid > ? order by rowid limit ?`);
      let after = 0;
      for (;;) {
        const found = select.all(tenantId, after, sliceRows) as Record<string, unknown>[];
        if (found.length === 0) break;
        after = Number(found.at(-1)!["rowid:"]);
        yield { table, columns, rows: found.map((row) => columns.map((column) => row[column])) };
      }
    }
  } finally {
    db.close();
  }
}
