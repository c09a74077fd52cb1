type ShardsEnv = {
  STORED_QUEUE: { send(body: unknown): Promise<void> };
  WEBHOOK_SECRET: string;
  SHARD_1: D1Database;
  SHARD_2: D1Database;
};

/** One accepted request: its tenant, the shard the tenant is placed on, and its events (a webhook is one event). */
type ShardMessage = { run: string; tenant: string; shard: 1 | 2; events: string[] };

/** What a round's consumer batches cost each shard: D1's own `meta.duration` summed per shard, and rows written. */
type ShardTime = { ms: number; rows: number; batches: number };

// An event row as the app's `events` keeps it where it counts for B-tree work: a random primary key, and an index
// on (tenant, time). 7 columns: 14 rows per INSERT stay under D1's 100 bound parameters.
const COLUMNS = 7;
const ROWS_PER_INSERT = Math.floor(100 / COLUMNS);
const SCHEMA = [
  "CREATE TABLE IF NOT EXISTS events (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL, run TEXT NOT NULL, name TEXT NOT NULL, occurred_at INTEGER NOT NULL, body TEXT NOT NULL, written_at INTEGER NOT NULL)",
  "CREATE INDEX IF NOT EXISTS events_tenant_time ON events (tenant_id, occurred_at)",
];

// Per isolate: locally the consumer and `/stats` run in the one isolate of this worker, which is all the bench needs.
const timeByRun = new Map<string, Record<1 | 2, ShardTime>>();
const acceptedByRun = new Map<string, number>();
const accept = (run: string, events: number) => acceptedByRun.set(run, (acceptedByRun.get(run) ?? 0) + events);

function timeOf(run: string): Record<1 | 2, ShardTime> {
  let time = timeByRun.get(run);
  if (!time) {
    time = { 1: { ms: 0, rows: 0, batches: 0 }, 2: { ms: 0, rows: 0, batches: 0 } };
    timeByRun.set(run, time);
  }
  return time;
}

/** One D1 batch (one transaction) of a shard's rows; D1's time for it, less the schema statements, is added up. */
async function writeShard(db: D1Database, shard: 1 | 2, messages: readonly ShardMessage[]): Promise<void> {
  const now = Date.now();
  const rows = messages.flatMap((message) => message.events.map((event) => [crypto.randomUUID(), message.tenant, message.run, "page_viewed", now, event, now]));
  const statements = SCHEMA.map((ddl) => db.prepare(ddl));
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const slice = rows.slice(start, start + ROWS_PER_INSERT);
    const placeholders = slice.map(() => `(${Array(COLUMNS).fill("?").join(", ")})`).join(", ");
    statements.push(db.prepare(`INSERT INTO events (id, tenant_id, run, name, occurred_at, body, written_at) VALUES ${placeholders}`).bind(...slice.flat()));
  }
  const results = await db.batch(statements);
  const time = timeOf(messages[0]!.run)[shard];
  time.ms += results.slice(SCHEMA.length).reduce((sum, result) => sum + result.meta.duration, 0);
  time.rows += rows.length;
  time.batches++;
}

let hmacKey: Promise<CryptoKey> | undefined;
const encoder = new TextEncoder();

async function verifyHmac(secret: string, body: ArrayBuffer, header: string | null): Promise<boolean> {
  if (!header) return false;
  hmacKey ??= crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);
  try {
    return await crypto.subtle.verify("HMAC", await hmacKey, Uint8Array.from(atob(header), (c) => c.charCodeAt(0)), body);
  } catch {
    return false;
  }
}

// wrangler needs a default export. `POST /pixel` (`{ events }`) and `POST /webhook` (HMAC-checked) enqueue the
// tenant's events with the shard named in `X-Bench-Shard` (the bench's directory); the consumer writes each shard's
// rows as one D1 batch, both shards at once. `/stats?run=`: events accepted, rows stored on each shard, the last write, D1 time.
export default {
  async fetch(request: Request, env: ShardsEnv): Promise<Response> {
    const url = new URL(request.url);
    const run = request.headers.get("X-Bench-Run") ?? url.searchParams.get("run") ?? "";
    if (url.pathname === "/stats") {
      const count = async (db: D1Database) => {
        await db.batch(SCHEMA.map((ddl) => db.prepare(ddl)));
        return (await db.prepare("SELECT count(*) AS total, max(written_at) AS last FROM events WHERE run = ?").bind(run).first<{ total: number; last: number | null }>())!;
      };
      const [one, two] = [await count(env.SHARD_1), await count(env.SHARD_2)];
      return Response.json({ accepted: acceptedByRun.get(run) ?? 0, shards: { 1: one, 2: two }, time: timeOf(run) });
    }
    const tenant = request.headers.get("X-Bench-Tenant") ?? "";
    const shard = request.headers.get("X-Bench-Shard") === "2" ? 2 : 1;
    if (url.pathname === "/webhook") {
      const body = await request.arrayBuffer();
      if (!(await verifyHmac(env.WEBHOOK_SECRET, body, request.headers.get("X-Shopify-Hmac-Sha256")))) return new Response(null, { status: 401 });
      await env.STORED_QUEUE.send({ run, tenant, shard, events: [new TextDecoder().decode(body)] } satisfies ShardMessage);
      accept(run, 1);
      return new Response(null, { status: 200 });
    }
    const { events } = await request.json<{ events: unknown[] }>();
    await env.STORED_QUEUE.send({ run, tenant, shard, events: events.map((event) => JSON.stringify(event)) } satisfies ShardMessage);
    accept(run, events.length);
    return new Response(null, { status: 202 });
  },
  async queue(batch: MessageBatch<ShardMessage>, env: ShardsEnv): Promise<void> {
    const byShard = { 1: [] as ShardMessage[], 2: [] as ShardMessage[] };
    for (const message of batch.messages) byShard[message.body.shard].push(message.body);
    await Promise.all([
      byShard[1].length > 0 ? writeShard(env.SHARD_1, 1, byShard[1]) : undefined,
      byShard[2].length > 0 ? writeShard(env.SHARD_2, 2, byShard[2]) : undefined,
    ]);
    batch.ackAll();
  },
};
