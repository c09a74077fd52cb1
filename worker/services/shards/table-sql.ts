import type { MoveTable } from "./move-tables.ts";

// Statements over any data table, built from the schema's names (move-tables.ts). Each side is walked in its own
// rowid order (a rowid is no customer's data, so the move's cursor holds none); rows and keys travel as the JSON
// text SQLite's json_array() writes, so 64-bit integers and reals reach the other database exactly, and the
// digests hash that same text on both sides.

const quote = (name: string) => `"${name}"`;
const list = (names: string[]) => names.map(quote).join(", ");
const keysFrom = (table: MoveTable, param: string) =>
  `(${list(table.key)}) IN (SELECT ${table.key.map((_, i) => `json_extract(value, '$[${i}]')`).join(", ")} FROM json_each(${param}))`;

/** A row as read for a move: its rowid on that side (`n`), its primary key (`k`) and all its columns (`r`), as JSON arrays. */
export type MoveRow = { n: number; k: string; r: string };

/** Up to `limit` of the tenant's rows after rowid `after`, in rowid order. */
export function selectRows(db: D1Database, table: MoveTable, tenantId: string, after: number, limit: number): D1PreparedStatement {
  return db
    .prepare(
      `SELECT rowid AS n, json_array(${list(table.key)}) AS k, json_array(${list(table.columns)}) AS r FROM ${quote(table.name)} WHERE ${quote(table.tenantColumn)} = ?1 AND rowid > ?2 ORDER BY rowid LIMIT ${limit}`,
    )
    .bind(tenantId, after);
}

/** The tenant's rows whose primary keys are among `keys` (the `k` of rows read on the other side). */
export function selectByKeys(db: D1Database, table: MoveTable, tenantId: string, keys: string[]): D1PreparedStatement {
  return db
    .prepare(`SELECT rowid AS n, json_array(${list(table.key)}) AS k, json_array(${list(table.columns)}) AS r FROM ${quote(table.name)} WHERE ${quote(table.tenantColumn)} = ?1 AND ${keysFrom(table, "?2")}`)
    .bind(tenantId, `[${keys.join(",")}]`);
}

export function deleteByKeys(db: D1Database, table: MoveTable, tenantId: string, keys: string[]): D1PreparedStatement {
  return db.prepare(`DELETE FROM ${quote(table.name)} WHERE ${quote(table.tenantColumn)} = ?1 AND ${keysFrom(table, "?2")}`).bind(tenantId, `[${keys.join(",")}]`);
}

// D1 takes a bound string of up to 2 MB; the rows of one statement stay well under it.
const STATEMENT_BYTES = 1_000_000;

/**
 * Writes rows read by `selectRows` (their `r`), replacing any row with the same key, so a batch copied twice is one
 * copy: one statement per megabyte of rows, to run in one `batch()` (one transaction).
 */
export function upsertRows(db: D1Database, table: MoveTable, rows: string[]): D1PreparedStatement[] {
  const values = table.columns.map((_, i) => `json_extract(value, '$[${i}]')`).join(", ");
  const sql = `INSERT OR REPLACE INTO ${quote(table.name)} (${list(table.columns)}) SELECT ${values} FROM json_each(?1)`;
  const statements: D1PreparedStatement[] = [];
  let chunk: string[] = [];
  let bytes = 0;
  for (const row of rows) {
    if (chunk.length > 0 && bytes + row.length > STATEMENT_BYTES) {
      statements.push(db.prepare(sql).bind(`[${chunk.join(",")}]`));
      chunk = [];
      bytes = 0;
    }
    chunk.push(row);
    bytes += row.length + 1;
  }
  if (chunk.length > 0) statements.push(db.prepare(sql).bind(`[${chunk.join(",")}]`));
  return statements;
}

/** Deletes up to `limit` of the tenant's rows; `meta.changes` says how many went. */
export function deleteSome(db: D1Database, table: MoveTable, tenantId: string, limit: number): D1PreparedStatement {
  const name = quote(table.name);
  return db.prepare(`DELETE FROM ${name} WHERE rowid IN (SELECT rowid FROM ${name} WHERE ${quote(table.tenantColumn)} = ?1 LIMIT ${limit})`).bind(tenantId);
}

const EMPTY_DIGEST = "0".repeat(64);

/**
 * A table's digest: the XOR of the SHA-256 of every row (primary key and every column, as json_array() renders
 * them). It does not depend on the order rows are read in, so each side is hashed in its own rowid order.
 */
export async function addToDigest(digest: string | undefined, rows: string[]): Promise<string> {
  const sum = Uint8Array.from((digest ?? EMPTY_DIGEST).match(/../g)!, (hex) => Number.parseInt(hex, 16));
  const encoder = new TextEncoder();
  const hashes = await Promise.all(rows.map((row) => crypto.subtle.digest("SHA-256", encoder.encode(row))));
  for (const hash of hashes) {
    const bytes = new Uint8Array(hash);
    for (let i = 0; i < bytes.length; i++) sum[i] = sum[i]! ^ bytes[i]!;
  }
  return Array.from(sum, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
