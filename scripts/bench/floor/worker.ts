type FloorEnv = {
  LIMITER: { limit(options: { key: string }): Promise<{ success: boolean }> };
  QUEUE: { send(body: unknown): Promise<void> };
  STORED_QUEUE: { send(body: unknown): Promise<void> };
  DB: D1Database;
};

type FloorMessage = { body: string };

let counter = 0;

// D1 binds at most 100 parameters per statement: 50 rows of (id, body).
const ROWS_PER_INSERT = 50;

// Each event as one row of the smallest table that can hold it: what any design that stores the event must pay.
async function storeEvents(db: D1Database, messages: readonly { body: FloorMessage }[]): Promise<void> {
  const statements = [db.prepare("CREATE TABLE IF NOT EXISTS events (id TEXT PRIMARY KEY, body TEXT NOT NULL)")];
  for (let start = 0; start < messages.length; start += ROWS_PER_INSERT) {
    const rows = messages.slice(start, start + ROWS_PER_INSERT);
    const values = rows.flatMap((message) => [crypto.randomUUID(), message.body.body]);
    statements.push(db.prepare(`INSERT INTO events (id, body) VALUES ${rows.map(() => "(?, ?)").join(", ")}`).bind(...values));
  }
  await db.batch(statements);
}

// wrangler needs a default export. The floor: only the I/O every accepted pixel request must do (spec §3 and §12):
// one rate-limiter call, one queue send, one request log line. On `/` the consumer just acknowledges; on `/stored`
// it also writes each event into D1, as any design that keeps the event must.
export default {
  async fetch(request: Request, env: FloorEnv): Promise<Response> {
    const started = Date.now();
    const body = await request.text();
    const { success } = await env.LIMITER.limit({ key: `key-${counter++ % 64}` });
    const queue = new URL(request.url).pathname === "/stored" ? env.STORED_QUEUE : env.QUEUE;
    if (success) await queue.send({ body } satisfies FloorMessage);
    const status = success ? 202 : 429;
    console.log(JSON.stringify({ level: "info", message: "request", requestId: crypto.randomUUID(), method: "POST", route: "/", status, ms: Date.now() - started }));
    return new Response(null, { status });
  },
  async queue(batch: MessageBatch<FloorMessage>, env: FloorEnv): Promise<void> {
    if (batch.queue === "segops-bench-floor-stored") await storeEvents(env.DB, batch.messages);
    batch.ackAll();
  },
};
