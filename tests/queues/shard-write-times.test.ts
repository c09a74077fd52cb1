// isolate: the shard write times and event counts of /ops/ingest-stats are sums over every tenant of a shard.
import { describe, expect, it } from "vitest";
import orderText from "../fixtures/ingest/order-big-ids.json?raw";
import type { IngestStats } from "../../worker/services/operations/read-ingest-stats.ts";
import { consumeIngestBatch, webhookMessage } from "../helpers/ingest-queue.ts";
import { opsRequest } from "../helpers/ops-request.ts";
import { placeTenant } from "../helpers/seed-move-dataset.ts";
import { seedTenant } from "../helpers/seed-tenant.ts";
import { waitFor } from "../helpers/wait-for.ts";

async function ingestStats(since: number): Promise<IngestStats> {
  const { status, body } = await opsRequest<IngestStats>("GET", `/ingest-stats?since=${since}`);
  expect(status).toBe(200);
  return body;
}

/** The stats once the meters have written at least these batches per shard. */
const statsOnceMetered = (since: number, batches: Record<string, number>) =>
  waitFor(
    async () => {
      const stats = await ingestStats(since);
      return Object.entries(batches).every(([shard, count]) => (stats.shards[shard]?.batches ?? 0) >= count) && stats;
    },
    { what: `shard write times of ${JSON.stringify(batches)} batches` },
  );

const orders = (shop: string) => ["orders/create", "orders/paid"].map((topic) => webhookMessage(shop, topic, orderText));
// Distinct orders: enough rows that D1, which times in whole ms locally, counts more than 0 ms.
const manyOrders = (shop: string, count: number) =>
  Array.from({ length: count }, (_, i) => webhookMessage(shop, "orders/create", orderText.replaceAll("9007199254740993", String(9007199254741000 + i))));

describe("shard write times in ingest stats", () => {
  it("attributes the D1 time of a tenant's writes to the shard its directory entry names", async () => {
    const since = Date.now();
    const onShard2 = await seedTenant();
    await placeTenant(onShard2.tenantId, "SHARD_2");
    const onDb = await seedTenant({ shard: "DB" });

    // Each shard's meter writes its sums from an alarm after the batch (SHARD_WRITE_FLUSH_MS is 0 in tests).
    await consumeIngestBatch([...orders(onShard2.shop), ...manyOrders(onShard2.shop, 40)]);
    const first = await statsOnceMetered(since, { SHARD_2: 1 });
    expect(first.shards.SHARD_2).toMatchObject({ batches: 1 });
    expect(first.shards.SHARD_2!.events).toBeGreaterThan(0);
    expect(first.shards.SHARD_2!.meteredEvents).toBeGreaterThanOrEqual(first.shards.SHARD_2!.events);
    expect(first.shards.SHARD_2!.d1Ms).toBeGreaterThan(0);
    expect(first.shards.SHARD_1).toMatchObject({ events: 0, batches: 0, meteredEvents: 0, d1Ms: 0 });
    expect(first.shards.DB).toMatchObject({ events: 0, batches: 0, meteredEvents: 0, d1Ms: 0 });

    // One queue batch for tenants on two shards: one write, and one batch of time, on each. The same orders again are
    // written (metered) but not stored twice: an order's events are keyed by its id.
    await consumeIngestBatch([...orders(onShard2.shop), ...orders(onDb.shop)]);
    const second = await statsOnceMetered(since, { SHARD_2: 2, DB: 1 });
    expect(second.shards.SHARD_2).toMatchObject({ events: first.shards.SHARD_2!.events, batches: 2 });
    expect(second.shards.SHARD_2!.meteredEvents).toBeGreaterThan(first.shards.SHARD_2!.meteredEvents);
    expect(second.shards.SHARD_2!.d1Ms).toBeGreaterThanOrEqual(first.shards.SHARD_2!.d1Ms);
    expect(second.shards.DB).toMatchObject({ events: 2, batches: 1, meteredEvents: 2 });
    expect(second.shards.SHARD_1).toMatchObject({ events: 0, batches: 0 });
    expect(second.events.total).toBe(first.shards.SHARD_2!.events + 2);
  });
});
