import { getTableName } from "drizzle-orm";
import type { Deps } from "../../context/deps.ts";
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
 * What ingestion stored since a moment, across tenants: events by source, deliveries, and new quarantine and
 * dead-letter rows. For operators watching a backlog drain (and for `npm run bench`, which must not open the
 * local database file itself while the app writes to it).
 */
let isolate: string | undefined;

const E = tableNames(eventsTable);
const countSince = (table: typeof deliveriesTable | typeof quarantineTable | typeof deadLettersTable) =>
  `select count(*) as n from ${getTableName(table)} where ${table.receivedAt.name} >= ?`;

export async function readIngestStats(args: { ctx: Deps; input: { since: number } }): Promise<IngestStats> {
  const { ctx, input } = args;
  const { since } = input;
  const d1 = ctx.d1;
  const [events, deliveries, quarantine, deadLetters] = await d1.batch([
    d1
      .prepare(
        `select count(*) as total, coalesce(sum(${E.source} = 'webhook'), 0) as webhook, coalesce(sum(${E.source} = 'pixel'), 0) as pixel,
          coalesce(sum(${E.source} = 'backfill'), 0) as backfill, max(${E.id}) as last
        from ${E.$table} where ${E.receivedAt} >= ?`,
      )
      .bind(since),
    d1.prepare(countSince(deliveriesTable)).bind(since),
    d1.prepare(countSince(quarantineTable)).bind(since),
    d1.prepare(countSince(deadLettersTable)).bind(since),
  ]);
  const row = events!.results[0] as { total: number; webhook: number; pixel: number; backfill: number; last: string | null };
  const count = (result: D1Result | undefined) => (result?.results[0] as { n: number } | undefined)?.n ?? 0;
  isolate ??= crypto.randomUUID();
  return {
    since: new Date(since).toISOString(),
    isolate,
    events: { total: row.total, webhook: row.webhook, pixel: row.pixel, backfill: row.backfill, lastWrittenId: row.last },
    deliveries: count(deliveries),
    quarantine: count(quarantine),
    deadLetters: count(deadLetters),
  };
}
