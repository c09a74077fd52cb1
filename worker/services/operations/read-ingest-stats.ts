import { getTableName } from "drizzle-orm";
import type { Deps } from "../../context/deps.ts";
import { everyShard, type ShardContext } from "../../context/for-shard.ts";
import { deadLettersTable, deliveriesTable, eventsTable, quarantineTable } from "../../db/schema/index.ts";
import { tableNames } from "../../db/sql-names.ts";

export type IngestStats = {
  since: string;
  /** Changes when the runtime reloads the worker; locally that also drops messages still in the queue. */
  isolate: string;
  events: { total: number; webhook: number; pixel: number; backfill: number; lastWrittenId: string | null };
  deliveries: number;
  quarantine: number;
  deadLetters: number;
};

/**
 * What ingestion stored since a moment, across tenants on every shard: events by source, deliveries, and new
 * quarantine and dead-letter rows (those on the control database). For operators watching a backlog drain (and for `npm run bench`, which must not open the
 * local database file itself while the app writes to it).
 */
let isolate: string | undefined;

const E = tableNames(eventsTable);
const countSince = (table: typeof deliveriesTable | typeof quarantineTable | typeof deadLettersTable) =>
  `select count(*) as n from ${getTableName(table)} where ${table.receivedAt.name} >= ?`;

type ShardStats = { total: number; webhook: number; pixel: number; backfill: number; last: string | null; deliveries: number; quarantine: number };

const count = (result: D1Result | undefined) => (result?.results[0] as { n: number } | undefined)?.n ?? 0;

async function readShardStats(shard: ShardContext, since: number): Promise<ShardStats> {
  const d1 = shard.d1;
  const [events, deliveries, quarantine] = await d1.batch([
    d1
      .prepare(
        `select count(*) as total, coalesce(sum(${E.source} = 'webhook'), 0) as webhook, coalesce(sum(${E.source} = 'pixel'), 0) as pixel,
          coalesce(sum(${E.source} = 'backfill'), 0) as backfill, max(${E.id}) as last
        from ${E.$table} where ${E.receivedAt} >= ?`,
      )
      .bind(since),
    d1.prepare(countSince(deliveriesTable)).bind(since),
    d1.prepare(countSince(quarantineTable)).bind(since),
  ]);
  const row = events!.results[0] as Omit<ShardStats, "deliveries" | "quarantine">;
  return { ...row, deliveries: count(deliveries), quarantine: count(quarantine) };
}

export async function readIngestStats(args: { ctx: Deps; input: { since: number } }): Promise<IngestStats> {
  const { ctx, input } = args;
  const { since } = input;
  const [shards, deadLetters] = await Promise.all([
    Promise.all(everyShard(ctx).map((shard) => readShardStats(shard, since))),
    ctx.d1.prepare(countSince(deadLettersTable)).bind(since).all(),
  ]);
  const sum = (key: "total" | "webhook" | "pixel" | "backfill" | "deliveries" | "quarantine") => shards.reduce((total, shard) => total + shard[key], 0);
  // Event ids sort by the time they were made, so the largest is the last one written on any shard.
  const last = shards.reduce<string | null>((max, shard) => (shard.last !== null && (max === null || shard.last > max) ? shard.last : max), null);
  isolate ??= crypto.randomUUID();
  return {
    since: new Date(since).toISOString(),
    isolate,
    events: { total: sum("total"), webhook: sum("webhook"), pixel: sum("pixel"), backfill: sum("backfill"), lastWrittenId: last },
    deliveries: sum("deliveries"),
    quarantine: sum("quarantine"),
    deadLetters: count(deadLetters),
  };
}
