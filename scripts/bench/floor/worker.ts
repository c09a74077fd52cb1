type Limiter = { limit(options: { key: string }): Promise<{ success: boolean }> };
type FloorEnv = {
  IP_LIMITER: Limiter;
  VISITOR_LIMITER: Limiter;
  KEY_LIMITER: Limiter;
  STORED_QUEUE: { send(body: unknown): Promise<void> };
  WEBHOOK_SECRET: string;
  DB: D1Database;
};

/** A pixel body (`{ token, events }`, each event one row) or a webhook body (one row). */
type FloorMessage = { kind: "pixel" | "webhook"; run: string; body: string };

// D1 binds at most 100 parameters per statement: 25 rows of (id, run, body, written_at).
const ROWS_PER_INSERT = 25;
const TABLE = "CREATE TABLE IF NOT EXISTS events (id TEXT PRIMARY KEY, run TEXT NOT NULL, body TEXT NOT NULL, written_at INTEGER NOT NULL)";

// Each event as one row of the smallest table that can hold it: what any design that stores the event must pay.
async function storeEvents(db: D1Database, messages: readonly { body: FloorMessage }[]): Promise<void> {
  const rows = messages.flatMap(({ body }) =>
    body.kind === "pixel" ? (JSON.parse(body.body) as { events: unknown[] }).events.map((event) => [body.run, JSON.stringify(event)]) : [[body.run, body.body]],
  );
  const now = Date.now();
  const statements = [db.prepare(TABLE)];
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const slice = rows.slice(start, start + ROWS_PER_INSERT);
    const values = slice.flatMap(([run, body]) => [crypto.randomUUID(), run, body, now]);
    statements.push(db.prepare(`INSERT INTO events (id, run, body, written_at) VALUES ${slice.map(() => "(?, ?, ?, ?)").join(", ")}`).bind(...values));
  }
  await db.batch(statements);
}

let hmacKey: Promise<CryptoKey> | undefined;
const encoder = new TextEncoder();

function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function verifyHmac(secret: string, body: ArrayBuffer, header: string | null): Promise<boolean> {
  if (!header) return false;
  hmacKey ??= crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);
  try {
    return await crypto.subtle.verify("HMAC", await hmacKey, base64ToBytes(header), body);
  } catch {
    return false;
  }
}

const log = (status: number, route: string, started: number) =>
  console.log(JSON.stringify({ level: "info", message: "request", requestId: crypto.randomUUID(), method: "POST", route, status, ms: Date.now() - started }));

// wrangler needs a default export. The floors of `npm run bench`: only the I/O SegOps's routes must do, and each
// event stored as the cheapest row. `/pixel`: the three pixel limits (address, visitor, key), one queue send, one log
// line. `/webhook`: the HMAC checked over the raw body, one queue send, one log line. `/stats?run=`: a round's rows.
export default {
  async fetch(request: Request, env: FloorEnv): Promise<Response> {
    const started = Date.now();
    const url = new URL(request.url);
    if (url.pathname === "/stats") {
      await env.DB.prepare(TABLE).run();
      const row = await env.DB.prepare("SELECT count(*) AS total, max(written_at) AS last FROM events WHERE run = ?").bind(url.searchParams.get("run")).first();
      return Response.json(row);
    }
    if (url.pathname === "/webhook") {
      const body = await request.arrayBuffer();
      const valid = await verifyHmac(env.WEBHOOK_SECRET, body, request.headers.get("X-Shopify-Hmac-Sha256"));
      const run = request.headers.get("X-Bench-Run") ?? "";
      if (valid) await env.STORED_QUEUE.send({ kind: "webhook", run, body: new TextDecoder().decode(body) } satisfies FloorMessage);
      log(valid ? 200 : 401, "/webhook", started);
      return new Response(null, { status: valid ? 200 : 401 });
    }
    const body = await request.text();
    const visitor = request.headers.get("X-Bench-Visitor") ?? "";
    const allows = async (limiter: Limiter, key: string) => (await limiter.limit({ key })).success;
    const success =
      (await allows(env.IP_LIMITER, request.headers.get("CF-Connecting-IP") ?? "")) &&
      (await allows(env.VISITOR_LIMITER, visitor)) &&
      (await allows(env.KEY_LIMITER, visitor.split(":")[0] ?? ""));
    if (success) await env.STORED_QUEUE.send({ kind: "pixel", run: request.headers.get("X-Bench-Run") ?? "", body } satisfies FloorMessage);
    const status = success ? 202 : 429;
    log(status, "/pixel", started);
    return new Response(null, { status });
  },
  async queue(batch: MessageBatch<FloorMessage>, env: FloorEnv): Promise<void> {
    await storeEvents(env.DB, batch.messages);
    batch.ackAll();
  },
};
