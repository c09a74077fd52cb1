import { printRows } from "./print-rows.ts";

/** What `GET /ops/ingest-stats` answers (worker/services/operations/read-ingest-stats.ts), as far as this prints it. */
export type OpsIngestStats = {
  since: string;
  events: { total: number; webhook: number; pixel: number; backfill: number };
  shards: Record<string, { events: number; d1Ms: number; batches: number; meteredEvents: number }>;
  deliveries: number;
  quarantine: number;
  deadLetters: number;
};

/** The window's totals, then one line per database: events stored, and the D1 time of the consumer's writes there. */
export function printIngestStats(stats: OpsIngestStats): void {
  const { events } = stats;
  console.log(
    `since ${stats.since}: ${events.total} events (webhook ${events.webhook}, pixel ${events.pixel}, backfill ${events.backfill}), ${stats.deliveries} deliveries, ${stats.quarantine} quarantined, ${stats.deadLetters} dead letters`,
  );
  const busy = Object.values(stats.shards).reduce((total, shard) => total + shard.d1Ms, 0);
  printRows(
    Object.entries(stats.shards).map(([shard, s]) => ({
      shard,
      events: s.events,
      batches: s.batches,
      "D1 ms": Math.round(s.d1Ms),
      "D1 share": busy > 0 ? `${Math.round((s.d1Ms / busy) * 100)} %` : "",
      "D1 ms per 1k events": s.meteredEvents > 0 ? ((s.d1Ms / s.meteredEvents) * 1000).toFixed(0) : "",
    })),
    ["shard", "events", "batches", "D1 ms", "D1 share", "D1 ms per 1k events"],
  );
}
