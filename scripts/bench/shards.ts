import { join } from "node:path";
import { startServedWorker } from "../dev/serve-worker.ts";
import { freePort } from "../dev/free-port.ts";
import type { LoadPlan } from "./load.ts";
import { median } from "./report.ts";
import { runLoad } from "./run-round.ts";

const SECRET = "bench-floor-secret";
const EVENTS_PER_BATCH = 20;

type ShardTime = { ms: number; rows: number; batches: number };
type ShardStats = { accepted: number; shards: Record<"1" | "2", { total: number; last: number | null }>; time: Record<"1" | "2", ShardTime> };

/** One round of one placement: wall-clock stored events/s, and D1's own time per shard for the same rows. */
export type ShardRound = {
  shards: 1 | 2;
  accepted: number;
  stored: number;
  fivexx: number;
  refused: number;
  /** Measured: stored events ÷ (last row written − first request). */
  storedPerSec: number;
  /** D1's `meta.duration` summed per shard over the round's consumer batches, ms. */
  d1Ms: [number, number];
};

export type ShardsBench = { rounds: number; seconds: number; connections: number; one: ShardRound[]; two: ShardRound[] };

async function stats(url: string, run: string): Promise<ShardStats> {
  return (await (await fetch(`${url}/stats?run=${run}`)).json()) as ShardStats;
}

async function round(url: string, plan: LoadPlan): Promise<ShardRound> {
  const load = await runLoad(plan);
  let current = await stats(url, plan.runId);
  // Counted by the worker as it answers (locally one isolate answers and consumes).
  const { accepted } = current;
  let lastChange = Date.now();
  const stored = (s: ShardStats) => s.shards["1"].total + s.shards["2"].total;
  while (stored(current) < accepted && Date.now() - lastChange < 60_000) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const next = await stats(url, plan.runId);
    if (stored(next) !== stored(current)) lastChange = Date.now();
    current = next;
  }
  const last = Math.max(current.shards["1"].last ?? 0, current.shards["2"].last ?? 0);
  return {
    shards: plan.shards!,
    accepted,
    stored: stored(current),
    fivexx: load.fivexx,
    refused: load.non2xx + load.errors,
    storedPerSec: stored(current) / ((last - load.startedAt) / 1000),
    d1Ms: [current.time["1"].ms, current.time["2"].ms],
  };
}

/**
 * Two tenants' ingest (20-event pixel batches and `orders/create` webhooks, 3 to 1) on the shard floor
 * (scripts/bench/shards/): both tenants on one shard, then one each, in alternating order every round.
 */
export async function benchShards(options: { persistTo: string; seconds: number; rounds: number; connections: number }): Promise<ShardsBench> {
  const port = await freePort();
  const worker = await startServedWorker({ config: "scripts/bench/shards/wrangler.toml", port, persistTo: join(options.persistTo, "shards") });
  const plan = (shards: 1 | 2, runId: string, amount: number | null, seconds: number): LoadPlan => ({
    url: worker.url,
    kind: "shards",
    connections: options.connections,
    amount,
    seconds,
    eventsPerRequest: EVENTS_PER_BATCH,
    runId,
    tokens: [],
    tenants: 2,
    shops: [],
    apiSecret: SECRET,
    shards,
  });
  try {
    const warm = await runLoad(plan(1, "901", null, 3));
    await runLoad(plan(2, "902", null, 3));
    const amount = Math.max(200, Math.ceil(warm.reqPerSec * options.seconds));
    const result: ShardsBench = { rounds: options.rounds, seconds: options.seconds, connections: options.connections, one: [], two: [] };
    for (let r = 1; r <= options.rounds; r++) {
      const order: (1 | 2)[] = r % 2 === 1 ? [1, 2] : [2, 1];
      for (const shards of order) {
        const measured = await round(worker.url, plan(shards, `9${r}${shards}`, amount, options.seconds));
        (shards === 1 ? result.one : result.two).push(measured);
        console.log(
          `bench: shards #${r} ${shards === 1 ? "one shard " : "two shards"}: ${Math.round(measured.storedPerSec)} stored events/s, D1 ms per shard ${measured.d1Ms.join(" / ")}, stored ${measured.stored} of ${measured.accepted}, 5xx ${measured.fivexx}, refused ${measured.refused}`,
        );
      }
    }
    return result;
  } finally {
    await worker.stop();
  }
}

const n = (value: number) => Math.round(value).toLocaleString("en");

/**
 * A Shards table of `npm run bench` (recorded in docs/benchmarks.md), of the floor or of the app; true when the
 * target or a check failed.
 */
export function printShardsTable(bench: ShardsBench, through: "the shard floor" | "the app"): boolean {
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const total = (r: ShardRound) => r.d1Ms[0] + r.d1Ms[1];
  const busiest = (r: ShardRound) => Math.max(...r.d1Ms);
  // Derived from isolated D1 time, pooled over the rounds (D1 reports whole milliseconds): events ÷ D1 time of the
  // busiest shard bounds a deployment whose shards run in parallel; ÷ the sum, the same statements on one database.
  const oneRate = (sum(bench.one.map((r) => r.stored)) / sum(bench.one.map(total))) * 1000;
  const twoRate = (sum(bench.two.map((r) => r.stored)) / sum(bench.two.map(busiest))) * 1000;
  const twoSerial = (sum(bench.two.map((r) => r.stored)) / sum(bench.two.map(total))) * 1000;
  // The target: the two-shard rounds' own D1 time, parallel (busiest shard) against serial (both shards' sum), the
  // same statements measured in the same rounds. Across placements (one shard's rounds) drifts with the machine.
  const parallel = twoRate / twoSerial;
  const across = twoRate / oneRate;
  const rounds = bench.one.map((one, i) => {
    const two = bench.two[i]!;
    return { wall: two.storedPerSec / one.storedPerSec, parallel: total(two) / busiest(two), across: two.stored / busiest(two) / (one.stored / total(one)) };
  });
  const all = [...bench.one, ...bench.two];
  const exact = all.every((r) => r.stored === r.accepted);
  const clean = all.every((r) => r.fivexx === 0 && r.refused === 0);
  const met = parallel >= 1.6;
  const d1 = (rounds: ShardRound[], shard: 0 | 1) => n(sum(rounds.map((r) => r.d1Ms[shard])));
  const list = (values: number[]) => values.map((value) => value.toFixed(2)).join(", ");
  console.log(
    `\nShards, through ${through}: 2 tenants, 20-event pixel batches and orders/create webhooks (3:1), autocannon -c${bench.connections}, ${bench.rounds} alternating rounds of ~${bench.seconds} s per placement; wall-clock: medians; D1: sums over the rounds`,
  );
  console.log("| placement | stored events/s, wall-clock (measured) | D1 ms, SHARD_1 / SHARD_2 (Σ meta.duration) | events ÷ D1 time (derived) |");
  console.log("|---|---|---|---|");
  console.log(`| both tenants on SHARD_1 | ${n(median(bench.one.map((r) => r.storedPerSec)))} | ${d1(bench.one, 0)} / ${d1(bench.one, 1)} | ${n(oneRate)} events/s |`);
  console.log(
    `| one tenant on each shard | ${n(median(bench.two.map((r) => r.storedPerSec)))} | ${d1(bench.two, 0)} / ${d1(bench.two, 1)} | ÷ busiest shard: ${n(twoRate)} events/s; ÷ both shards' sum: ${n(twoSerial)} events/s |`,
  );
  console.log(`| two shards ÷ one, wall-clock (measured) | ${median(rounds.map((r) => r.wall)).toFixed(2)}× (rounds ${list(rounds.map((r) => r.wall))}) | | |`);
  console.log(
    `| two shards, parallel ÷ serial D1 time (derived, same rounds) | | | ${parallel.toFixed(2)}× (rounds ${list(rounds.map((r) => r.parallel))}); target ≥ 1.6× ${met ? "✓" : "✗"} |`,
  );
  console.log(`| two shards ÷ one-shard rounds' D1 time (derived, across rounds) | | | ${across.toFixed(2)}× (rounds ${list(rounds.map((r) => r.across))}) |`);
  console.log(`accepted = stored: ${exact ? "yes" : "NO"} (${all.map((r) => `${n(r.stored)}/${n(r.accepted)}`).join(", ")}); 5xx / refused: ${clean ? "0 / 0" : "SOME"}`);
  return !met || !exact || !clean;
}
