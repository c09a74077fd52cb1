import { sql } from "drizzle-orm";
import type { Deps } from "../../context/deps.ts";
import { shardWriteTimesTable } from "../../db/schema/index.ts";
import { runStatements } from "../../db/run-statements.ts";
import { col, columnsOf, excluded } from "../../db/sql-names.ts";
import { tuples } from "../../db/sql-json.ts";
import { errorMessage } from "../../lib/log.ts";

const KEEP_MS = 7 * 24 * 60 * 60 * 1000;
const MINUTE_MS = 60_000;

type Sums = { shard: string; minute: number; d1Ms: number; batches: number; events: number };

const ROW = tuples(["shard", "minute", "d1Ms", "batches", "events"]);
const T = shardWriteTimesTable;
const add = (column: { name: string }) => sql`${col(column)} + ${excluded(column)}`;

// Per isolate: what this isolate's batches took on each shard and has not written yet, by shard and minute.
const pending = new Map<string, Sums>();
let nextFlush: Promise<void> | null = null;
let lastFlush: Promise<void> = Promise.resolve();
let lastFlushAt = 0;

/** Adds one batch's D1 time (`meta.duration` summed over its statements) on a shard to the isolate's running sums. */
export function recordShardWrite(input: { shard: string; d1Ms: number; events: number; at: number }): void {
  const minute = input.at - (input.at % MINUTE_MS);
  const key = `${input.shard} ${minute}`;
  const sums = pending.get(key) ?? { shard: input.shard, minute, d1Ms: 0, batches: 0, events: 0 };
  sums.d1Ms += input.d1Ms;
  sums.batches++;
  sums.events += input.events;
  pending.set(key, sums);
}

async function writeSums(ctx: Deps): Promise<void> {
  const rows = [...pending.values()];
  pending.clear();
  lastFlushAt = Date.now();
  if (rows.length === 0) return;
  const upsert = sql`
    insert into ${T} ${columnsOf(T, "shard", "minute", "d1Ms", "batches", "events")}
    select ${ROW.at.shard}, ${ROW.at.minute}, ${ROW.at.d1Ms}, ${ROW.at.batches}, ${ROW.at.events} from json_each(${JSON.stringify(ROW.rows(rows))}) j where true
    on conflict ${columnsOf(T, "shard", "minute")} do update set
      ${col(T.d1Ms)} = ${add(T.d1Ms)}, ${col(T.batches)} = ${add(T.batches)}, ${col(T.events)} = ${add(T.events)}
  `;
  const trim = sql`delete from ${T} where ${col(T.minute)} < ${lastFlushAt - KEEP_MS}`;
  try {
    await runStatements(ctx.d1, [upsert, trim]);
  } catch (error) {
    // Kept for the next write: the figures are an operator's view, never worth failing or retrying a batch for.
    for (const row of rows) {
      const key = `${row.shard} ${row.minute}`;
      const sums = pending.get(key);
      pending.set(key, sums ? { ...row, d1Ms: row.d1Ms + sums.d1Ms, batches: row.batches + sums.batches, events: row.events + sums.events } : row);
    }
    ctx.log.warn("shard write times not written; kept for the next write", { error: errorMessage(error) });
  }
}

/**
 * Writes the running sums to the control database (`shard_write_times`) once `SHARD_WRITE_FLUSH_MS` (default 1 s)
 * since the last write has passed. The promise (for `waitUntil`) settles after a write that includes everything recorded before this call;
 * calls made while a write is still waiting share it.
 */
export function flushShardWritesSoon(args: { ctx: Deps }): Promise<void> {
  if (nextFlush) return nextFlush;
  const previous = lastFlush;
  const flush = (async () => {
    await previous;
    // At most one write of the sums per isolate per interval, whatever the batch rate: never one per batch.
    const wait = lastFlushAt + args.ctx.config.SHARD_WRITE_FLUSH_MS - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    nextFlush = null;
    await writeSums(args.ctx);
  })();
  nextFlush = flush;
  lastFlush = flush;
  return flush;
}
