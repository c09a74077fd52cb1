type RawInsertEnv = { DB: D1Database };
type InsertRequest = { table: string; columns: string[]; rows: unknown[][] };

const MAX_PARAMS = 100;
const ROWS_PER_BATCH = 1_000;

/**
 * Inserts the rows it is sent (the very rows the backfill wrote, read back from the app's D1) with multi-row INSERTs
 * of at most 100 parameters, a D1 batch per thousand rows, and answers how long D1 took: the fastest way to put
 * those rows in D1 without the backfill's work around them.
 */
async function insert(db: D1Database, { table, columns, rows }: InsertRequest): Promise<{ rows: number; ms: number }> {
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  const tuple = `(${columns.map(() => "?").join(", ")})`;
  const names = columns.join(", ");
  const started = Date.now();
  for (let first = 0; first < rows.length; first += ROWS_PER_BATCH) {
    const statements: D1PreparedStatement[] = [];
    for (let row = first; row < Math.min(first + ROWS_PER_BATCH, rows.length); row += perStatement) {
      const slice = rows.slice(row, Math.min(row + perStatement, first + ROWS_PER_BATCH, rows.length));
      statements.push(db.prepare(`insert into ${table} (${names}) values ${slice.map(() => tuple).join(", ")}`).bind(...slice.flat()));
    }
    await db.batch(statements);
  }
  return { rows: rows.length, ms: Date.now() - started };
}

// wrangler needs a default export; this worker exists only for the benchmark's same-run baseline.
export default {
  async fetch(request: Request, env: RawInsertEnv): Promise<Response> {
    if (request.method !== "POST") return new Response("ok");
    return Response.json(await insert(env.DB, (await request.json()) as InsertRequest));
  },
};
