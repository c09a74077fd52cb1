import { idTime } from "./local-d1.ts";
import type { LoadPlan } from "./load.ts";
import { runLoad } from "./run-round.ts";
import { handshakeVisitors, seedBenchTenants, type BenchTenant } from "./seed-bench-tenants.ts";
import { shardsLoadEvents } from "./shards-mix.ts";
import type { ShardRound, ShardsBench } from "./shards.ts";
import { visitorsFor } from "./visitors.ts";

const EVENTS_PER_BATCH = 20;

/** What `GET /ops/ingest-stats` answers (worker/services/operations/read-ingest-stats.ts), as far as this reads it. */
type Stats = {
  events: { total: number; lastWrittenId: string | null };
  shards: Record<string, { events: number; d1Ms: number; meteredEvents: number }>;
};

type Setup = { appUrl: string; apiSecret: string; opsToken: string; persistTo: string; seconds: number; rounds: number; connections: number };

const SHARDS = ["DB", "SHARD_1", "SHARD_2"] as const;

async function readStats(setup: Setup, since: number): Promise<Stats> {
  const res = await fetch(`${setup.appUrl}/ops/ingest-stats?since=${since}`, { headers: { Authorization: `Bearer ${setup.opsToken}` } });
  if (!res.ok) throw new Error(`ingest-stats answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as Stats;
}

const shardOf = (stats: Stats, name: string) => stats.shards[name] ?? { events: 0, d1Ms: 0, meteredEvents: 0 };

/**
 * One round: the load, then the app's own ingest stats until every accepted event is stored and every shard's write
 * times cover its stored events (each consumer isolate writes them at most once a second). Figures are the
 * differences from before the round, all read with one `since`, so whole-minute buckets cannot blur rounds.
 */
async function round(setup: Setup, plan: LoadPlan, since: number): Promise<ShardRound> {
  const before = await readStats(setup, since);
  const load = await runLoad(plan);
  const accepted = shardsLoadEvents(load.requests, EVENTS_PER_BATCH);
  const delta = (now: Stats, name: string, key: "events" | "d1Ms" | "meteredEvents") => shardOf(now, name)[key] - shardOf(before, name)[key];
  const done = (now: Stats) => now.events.total - before.events.total >= accepted && SHARDS.every((name) => delta(now, name, "meteredEvents") >= delta(now, name, "events"));
  let current = await readStats(setup, since);
  let lastChange = Date.now();
  while (!done(current) && Date.now() - lastChange < 60_000) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const next = await readStats(setup, since);
    if (next.events.total !== current.events.total || SHARDS.some((name) => shardOf(next, name).meteredEvents !== shardOf(current, name).meteredEvents)) lastChange = Date.now();
    current = next;
  }
  const stored = current.events.total - before.events.total;
  const last = current.events.lastWrittenId;
  return {
    shards: plan.shards!,
    accepted,
    stored,
    fivexx: load.fivexx,
    refused: load.non2xx + load.errors,
    storedPerSec: last ? stored / ((idTime(last) - load.startedAt) / 1000) : 0,
    d1Ms: [delta(current, "SHARD_1", "d1Ms"), delta(current, "SHARD_2", "d1Ms")],
  };
}

/** Waits until the warm-ups' events are all stored and timed, so the first round's differences hold none of them. */
async function settle(setup: Setup, since: number): Promise<void> {
  let previous = await readStats(setup, since);
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const current = await readStats(setup, since);
    const timed = SHARDS.every((name) => shardOf(current, name).meteredEvents >= shardOf(current, name).events);
    if (timed && current.events.total === previous.events.total) return;
    previous = current;
  }
  throw new Error("the warm-up's events did not settle within 60 s");
}

/**
 * The shards bench through the app (`startDevStack`, the routes, the queue and the ingest consumer routing each
 * tenant to its shard): two tenants both on SHARD_1, and two others one on SHARD_1 and one on SHARD_2, the same
 * load as the floor, in alternating order every round. D1 time per shard is the app's own figure (ingest stats).
 */
export async function benchShardsApp(setup: Setup): Promise<ShardsBench> {
  const placements: Record<1 | 2, BenchTenant[]> = {
    1: seedBenchTenants(setup.persistTo, 2, { name: "shards-one", shards: ["SHARD_1", "SHARD_1"] }),
    2: seedBenchTenants(setup.persistTo, 2, { name: "shards-two", shards: ["SHARD_1", "SHARD_2"] }),
  };
  const since = Date.now();
  const plan = async (shards: 1 | 2, runId: string, amount: number | null, seconds: number): Promise<LoadPlan> => {
    const tenants = placements[shards];
    const tokens = await handshakeVisitors(setup.appUrl, tenants, runId, visitorsFor(amount ?? 200 * seconds) + 2);
    const shops = tenants.map((tenant) => tenant.shop);
    return { url: setup.appUrl, kind: "app-shards", connections: setup.connections, amount, seconds, eventsPerRequest: EVENTS_PER_BATCH, runId, tokens, tenants: 2, shops, apiSecret: setup.apiSecret, shards };
  };
  const warm = await runLoad(await plan(1, "801", null, 3));
  await runLoad(await plan(2, "802", null, 3));
  await settle(setup, since);
  const amount = Math.max(200, Math.ceil(warm.reqPerSec * setup.seconds));
  const result: ShardsBench = { rounds: setup.rounds, seconds: setup.seconds, connections: setup.connections, one: [], two: [] };
  for (let r = 1; r <= setup.rounds; r++) {
    const order: (1 | 2)[] = r % 2 === 1 ? [1, 2] : [2, 1];
    for (const shards of order) {
      const measured = await round(setup, await plan(shards, `8${r}${shards}`, amount, setup.seconds), since);
      (shards === 1 ? result.one : result.two).push(measured);
      console.log(
        `bench: shards (app) #${r} ${shards === 1 ? "one shard " : "two shards"}: ${Math.round(measured.storedPerSec)} stored events/s, D1 ms per shard ${measured.d1Ms.map(Math.round).join(" / ")}, stored ${measured.stored} of ${measured.accepted}, 5xx ${measured.fivexx}, refused ${measured.refused}`,
      );
    }
  }
  return result;
}
