import { getTableName } from "drizzle-orm";
import type { Deps } from "../../context/deps.ts";
import { everyShard, type ShardContext } from "../../context/for-shard.ts";
import { deadLettersTable, deliveriesTable, eventsTable, quarantineTable, shardWriteTimesTable } from "../../db/schema/index.ts";
import { tableNames } from "../../db/sql-names.ts";
import { listMoveCopies, type MoveCopies } from "../shards/list-move-copies.ts";

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
 * What ingestion stored since a moment, across tenants on every shard (a tenant being moved once, from the shard its
 * directory entry names): events by source, deliveries, quarantine rows, dead letters (control database); per
 * shard, its events and the D1 time of the consumer's writes (which shard is hot). For operators watching a backlog
 * drain (and for `npm run bench`, which must not open the local database file itself while the app writes to it).
 */
let isolate: string | undefined;

const E = tableNames(eventsTable);
const W = tableNames(shardWriteTimesTable);
const countSince = (table: typeof deliveriesTable | typeof quarantineTable | typeof deadLettersTable) =>
  `select count(*) as n from ${getTableName(table)} where ${table.receivedAt.name} >= ?1`;
// A tenant being moved counts once, on the shard its directory entry names: ?2 lists the tenants copied here.
const notCopied = (column: string) => `(${column} is null or ${column} not in (select value from json_each(?2)))`;
const countHereSince = (table: typeof deliveriesTable | typeof quarantineTable) => `${countSince(table)} and ${notCopied(table.tenantId.name)}`;

type ShardStats = { total: number; webhook: number; pixel: number; backfill: number; last: string | null; delivered: number; quarantined: number };
type WriteTime = { shard: string; d1Ms: number; batches: number; events: number };

const count = (result: D1Result | undefined) => (result?.results[0] as { n: number } | undefined)?.n ?? 0;

async function readShardStats(shard: ShardContext, since: number, copies: MoveCopies): Promise<ShardStats> {
  const d1 = shard.d1;
  const copied = JSON.stringify(copies.get(shard.shard) ?? []);
  const [events, deliveries, quarantine] = await d1.batch([
    d1
      .prepare(
        `select count(*) as total, coalesce(sum(${E.source} = 'webhook'), 0) as webhook, coalesce(sum(${E.source} = 'pixel'), 0) as pixel,
          coalesce(sum(${E.source} = 'backfill'), 0) as backfill, max(${E.id}) as last
        from ${E.$table} where ${E.receivedAt} >= ?1 and ${notCopied(E.tenantId)}`,
      )
      .bind(since, copied),
    d1.prepare(countHereSince(deliveriesTable)).bind(since, copied),
    d1.prepare(countHereSince(quarantineTable)).bind(since, copied),
  ]);
  const row = events!.results[0] as Omit<ShardStats, "delivered" | "quarantined">;
  return { ...row, delivered: count(deliveries), quarantined: count(quarantine) };
}

export async function readIngestStats(args: { ctx: Deps; input: { since: number } }): Promise<IngestStats> {
  const { ctx, input } = args;
  const { since } = input;
  const shardContexts = everyShard(ctx);
  const copies = await listMoveCopies({ ctx });
  const [shards, [deadLetters, times]] = await Promise.all([
    Promise.all(shardContexts.map((shard) => readShardStats(shard, since, copies))),
    ctx.d1.batch([
      ctx.d1.prepare(countSince(deadLettersTable)).bind(since),
      ctx.d1
        .prepare(`select ${W.shard} as shard, sum(${W.d1Ms}) as d1Ms, sum(${W.batches}) as batches, sum(${W.events}) as events from ${W.$table} where ${W.minute} >= ? group by ${W.shard}`)
        .bind(since - (since % 60_000)),
    ]),
  ]);
  const sum = (key: "total" | "webhook" | "pixel" | "backfill" | "delivered" | "quarantined") => shards.reduce((total, shard) => total + shard[key], 0);
  // Event ids sort by the time they were made, so the largest is the last one written on any shard.
  const last = shards.reduce<string | null>((max, shard) => (shard.last !== null && (max === null || shard.last > max) ? shard.last : max), null);
  const metered = new Map((times!.results as WriteTime[]).map((time) => [time.shard, time]));
  isolate ??= crypto.randomUUID();
  return {
    since: new Date(since).toISOString(),
    isolate,
    events: { total: sum("total"), webhook: sum("webhook"), pixel: sum("pixel"), backfill: sum("backfill"), lastWrittenId: last },
    shards: Object.fromEntries(
      shards.map((row, i) => {
        const name = shardContexts[i]!.shard;
        const time = metered.get(name);
        return [name, { events: row.total, lastWrittenId: row.last, d1Ms: time?.d1Ms ?? 0, batches: time?.batches ?? 0, meteredEvents: time?.events ?? 0 }];
      }),
    ),
    deliveries: sum("delivered"),
    quarantine: sum("quarantined"),
    deadLetters: count(deadLetters),
  };
}
