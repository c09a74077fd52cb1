type RawInsertEnv = { DB: D1Database };
type Column = { name: string; type: string; notnull: number; pk: number };
type TableLoad = { table: string; from: number; rows: number; sizes: Record<string, number> };
type InsertRequest = { tenant: string; tables: TableLoad[] };

const MAX_PARAMS = 100;
const ROWS_PER_BATCH = 1_000;

function value(column: Column, tenant: string, table: string, row: number, sizes: Record<string, number>): string | number {
  if (column.name === "tenant_id") return tenant;
  const upper = column.type.toUpperCase();
  if (upper.includes("INT")) return Date.now() + row;
  if (upper.includes("REAL")) return row * 1.5;
  const text = `${table}-${column.name}-${tenant}-${row}`;
  const size = sizes[column.name] ?? 0;
  return size > text.length ? `"${text}${"x".repeat(size - text.length - 2)}"` : text;
}

/**
 * Inserts synthetic rows shaped like the backfill's (same tables, every column filled, the big JSON columns at the
 * backfill's average size) with multi-row INSERTs of at most 100 parameters, a D1 batch per thousand rows, and
 * answers how long D1 took. The fastest way to put those rows in D1 without the backfill's work around it.
 */
async function insert(db: D1Database, request: InsertRequest): Promise<{ rows: number; ms: number }> {
  let rows = 0;
  const started = Date.now();
  for (const load of request.tables) {
    const columns = (await db.prepare(`pragma table_info(${load.table})`).all<Column>()).results;
    const perStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
    const tuple = `(${columns.map(() => "?").join(", ")})`;
    const names = columns.map((column) => column.name).join(", ");
    for (let first = load.from; first < load.from + load.rows; first += ROWS_PER_BATCH) {
      const last = Math.min(first + ROWS_PER_BATCH, load.from + load.rows);
      const statements: D1PreparedStatement[] = [];
      for (let row = first; row < last; row += perStatement) {
        const count = Math.min(perStatement, last - row);
        const values = Array.from({ length: count }, (_, i) => columns.map((column) => value(column, request.tenant, load.table, row + i, load.sizes))).flat();
        statements.push(db.prepare(`insert into ${load.table} (${names}) values ${Array(count).fill(tuple).join(", ")}`).bind(...values));
      }
      await db.batch(statements);
      rows += last - first;
    }
  }
  return { rows, ms: Date.now() - started };
}

// wrangler needs a default export; this worker exists only for the benchmark's same-run baseline.
export default {
  async fetch(request: Request, env: RawInsertEnv): Promise<Response> {
    if (request.method !== "POST") return new Response("ok");
    return Response.json(await insert(env.DB, (await request.json()) as InsertRequest));
  },
};
