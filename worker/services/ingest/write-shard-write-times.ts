import { sql } from "drizzle-orm";
import type { Deps } from "../../context/deps.ts";
import { shardWriteTimesTable } from "../../db/schema/index.ts";
import { runStatements } from "../../db/run-statements.ts";
import { col, columnsOf, excluded } from "../../db/sql-names.ts";
import { tuples } from "../../db/sql-json.ts";

/** The ingest consumer's D1 time on one shard in one minute (`minute`: its first ms), over `batches` writes of `events`. */
export type ShardWriteSums = { shard: string; minute: number; d1Ms: number; batches: number; events: number };

const KEEP_MS = 7 * 24 * 60 * 60 * 1000;
const ROW = tuples(["shard", "minute", "d1Ms", "batches", "events"]);
const T = shardWriteTimesTable;
const add = (column: { name: string }) => sql`${col(column)} + ${excluded(column)}`;

/** Adds sums to `shard_write_times` (control database) and drops rows older than a week, in one batch. */
export async function writeShardWriteTimes(args: { ctx: Deps; input: { rows: readonly ShardWriteSums[]; now: number } }): Promise<void> {
  const { ctx, input } = args;
  const upsert = sql`
    insert into ${T} ${columnsOf(T, "shard", "minute", "d1Ms", "batches", "events")}
    select ${ROW.at.shard}, ${ROW.at.minute}, ${ROW.at.d1Ms}, ${ROW.at.batches}, ${ROW.at.events} from json_each(${JSON.stringify(ROW.rows(input.rows))}) j where true
    on conflict ${columnsOf(T, "shard", "minute")} do update set
      ${col(T.d1Ms)} = ${add(T.d1Ms)}, ${col(T.batches)} = ${add(T.batches)}, ${col(T.events)} = ${add(T.events)}
  `;
  const trim = sql`delete from ${T} where ${col(T.minute)} < ${input.now - KEEP_MS}`;
  await runStatements(ctx.d1, [upsert, trim]);
}
