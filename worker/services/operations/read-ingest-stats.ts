import { getTableName } from "drizzle-orm";
import { CONTROL_SHARD, dataShardNames, shardDatabase, type Deps } from "../../context/deps.ts";
import { deadLettersTable, deliveriesTable, eventsTable, quarantineTable, shardWriteTimesTable } from "../../db/schema/index.ts";
import { tableNames } from "../../db/sql-names.ts";

export type ShardIngestStats = { events: number; lastWrittenId: string | null; d1Ms: number; batches: number; meteredEvents: number };

export type IngestStats = {
  since: string;
  /** Changes when the runtime reloads the worker; locally that also drops messages still in the queue. */
  isolate: string;
  events: { total: number; webhook: number; pixel: number; backfill: number; lastWrittenId: string | null };
  /**
   * Per database (`DB`, `SHARD_<n>`): events stored since then, and what the ingest consumer's writes there took in D1's
   * own time (`meta.duration`) since the minute holding `since`, over how many batches and planned events. Written by
   * each consumer isolate at most once a second, so the last second of writes may not be in it yet.
   */
  shards: Record<string, ShardIngestStats>;
  deliveries: number;
  quarantine: number;
  deadLetters: number;
};

/**
 * What ingestion stored since a moment, across tenants: events by source (every shard), deliveries, and new
 * quarantine and dead-letter rows; per shard, its events and the D1 time of the consumer's writes (which shard is hot). For operators watching a backlog drain (and for `npm run bench`, which must not open the
 * local database file itself while the app writes to it).
 */
let isolate: string | undefined;

const E = tableNames(eventsTable);
const W = tableNames(shardWriteTimesTable);
type EventCounts = { total: number; webhook: number; pixel: number; backfill: number; last: string | null };

const eventsSince = (d1: D1Database, since: number) =>
  d1
    .prepare(
      `select count(*) as total, coalesce(sum(${E.source} = 'webhook'), 0) as webhook, coalesce(sum(${E.source} = 'pixel'), 0) as pixel,
        coalesce(sum(${E.source} = 'backfill'), 0) as backfill, max(${E.id}) as last
      from ${E.$table} where ${E.receivedAt} >= ?`,
    )
    .bind(since);
const countSince = (table: typeof deliveriesTable | typeof quarantineTable | typeof deadLettersTable) =>
  `select count(*) as n from ${getTableName(table)} where ${table.receivedAt.name} >= ?`;

export async function readIngestStats(args: { ctx: Deps; input: { since: number } }): Promise<IngestStats> {
  const { ctx, input } = args;
  const { since } = input;
  const d1 = ctx.d1;
  const [events, deliveries, quarantine, deadLetters, times] = await d1.batch([
    eventsSince(d1, since),
    d1.prepare(countSince(deliveriesTable)).bind(since),
    d1.prepare(countSince(quarantineTable)).bind(since),
    d1.prepare(countSince(deadLettersTable)).bind(since),
    d1
      .prepare(`select ${W.shard} as shard, sum(${W.d1Ms}) as d1Ms, sum(${W.batches}) as batches, sum(${W.events}) as events from ${W.$table} where ${W.minute} >= ? group by ${W.shard}`)
      .bind(since - (since % 60_000)),
  ]);
  const shards = dataShardNames(ctx.env);
  const onShards = await Promise.all(shards.map(async (name) => [name, (await eventsSince(shardDatabase(ctx.env, name), since).first<EventCounts>())!] as const));
  const counts = new Map([[CONTROL_SHARD, events!.results[0] as EventCounts], ...onShards]);
  const metered = new Map((times!.results as { shard: string; d1Ms: number; batches: number; events: number }[]).map((time) => [time.shard, time]));
  const sum = (key: "total" | "webhook" | "pixel" | "backfill") => [...counts.values()].reduce((total, row) => total + row[key], 0);
  const last = [...counts.values()].reduce<string | null>((newest, row) => (row.last && (!newest || row.last > newest) ? row.last : newest), null);
  const count = (result: D1Result | undefined) => (result?.results[0] as { n: number } | undefined)?.n ?? 0;
  isolate ??= crypto.randomUUID();
  return {
    since: new Date(since).toISOString(),
    isolate,
    events: { total: sum("total"), webhook: sum("webhook"), pixel: sum("pixel"), backfill: sum("backfill"), lastWrittenId: last },
    shards: Object.fromEntries(
      [...counts].map(([name, row]) => {
        const time = metered.get(name);
        return [name, { events: row.total, lastWrittenId: row.last, d1Ms: time?.d1Ms ?? 0, batches: time?.batches ?? 0, meteredEvents: time?.events ?? 0 }];
      }),
    ),
    deliveries: count(deliveries),
    quarantine: count(quarantine),
    deadLetters: count(deadLetters),
  };
}
