import { median } from "./report.ts";
import { runFloorRound, runLoad, runRound, type RoundResult } from "./run-round.ts";
import type { LoadPlan } from "./load.ts";
import { handshakeVisitors, type BenchTenant } from "./seed-bench-tenants.ts";
import { visitorsFor } from "./visitors.ts";

/** The floor worker's webhook secret (scripts/bench/floor/wrangler.toml). */
const FLOOR_SECRET = "bench-floor-secret";

/** One SegOps workload and the floor doing the same I/O, measured in alternating order in every round. Run ids are
 * digits: the webhook load builds order ids from them. */
type Pair = {
  label: string;
  floor: string;
  app: "pixel" | "webhook";
  events: number;
  figure: "reqPerSec" | "storedPerSec";
  unit: string;
  target: number;
};

export const PAIRS: Pair[] = [
  { label: "pixel, 1 event per request", floor: "3 pixel limits + queue send + log line; each event a row", app: "pixel", events: 1, figure: "reqPerSec", unit: "req/s", target: 0.8 },
  { label: "webhook orders/create", floor: "HMAC check + queue send + log line; each delivery a row", app: "webhook", events: 1, figure: "reqPerSec", unit: "deliveries/s", target: 0.8 },
  { label: "pixel, 20 events per request (stored events/s, end to end)", floor: "same as the 1-event floor, 20 events per request, 20 rows", app: "pixel", events: 20, figure: "storedPerSec", unit: "events/s", target: 0.7 },
];

export type PairRow = { pair: Pair; app: RoundResult[]; floor: RoundResult[]; ratio: number[] };

type Setup = { appUrl: string; floorUrl: string; tenants: BenchTenant[]; apiSecret: string; opsToken: string; connections: number; seconds: number; rounds: number };

/**
 * Each pair: a warm-up of both (sizing a round to about `seconds`), then `rounds` rounds of floor and SegOps back to
 * back, the order swapped every round so the machine's drift lands on both sides alike; ratios per round.
 */
export async function benchIngestVsFloor(setup: Setup): Promise<PairRow[]> {
  const rows: PairRow[] = [];
  const shops = setup.tenants.map((tenant) => tenant.shop);
  for (const [p, pair] of PAIRS.entries()) {
    const plan = async (side: "app" | "floor", runId: string, amount: number | null, seconds: number): Promise<LoadPlan> => {
      const pixel = pair.app === "pixel";
      const kind = side === "app" ? pair.app : pixel ? "floor-pixel" : "floor-webhook";
      const visitors = visitorsFor(amount ?? 2_000 * seconds);
      const tokens = side === "app" && pixel ? await handshakeVisitors(setup.appUrl, setup.tenants, runId, visitors) : [];
      const url = side === "app" ? setup.appUrl : setup.floorUrl;
      const apiSecret = side === "app" ? setup.apiSecret : FLOOR_SECRET;
      return { url, kind, connections: setup.connections, amount, seconds, eventsPerRequest: pair.events, runId, tokens, tenants: setup.tenants.length, shops, apiSecret };
    };
    const run = (side: "app" | "floor", load: LoadPlan) => (side === "app" ? runRound(load, setup.opsToken) : runFloorRound(load));
    const warm = { app: await runLoad(await plan("app", `${p + 1}01`, null, 3)), floor: await runLoad(await plan("floor", `${p + 1}02`, null, 3)) };
    const row: PairRow = { pair, app: [], floor: [], ratio: [] };
    for (let round = 1; round <= setup.rounds; round++) {
      const order: ("app" | "floor")[] = round % 2 === 1 ? ["floor", "app"] : ["app", "floor"];
      const results: Partial<Record<"app" | "floor", RoundResult>> = {};
      for (const side of order) {
        const amount = Math.max(200, Math.ceil(warm[side].reqPerSec * setup.seconds));
        results[side] = await run(side, await plan(side, `${p + 1}${round}${side === "app" ? 1 : 2}`, amount, setup.seconds));
      }
      const app = results.app!;
      const floor = results.floor!;
      const ratio = (app[pair.figure] ?? 0) / (floor[pair.figure] ?? Number.POSITIVE_INFINITY);
      row.app.push(app);
      row.floor.push(floor);
      row.ratio.push(ratio);
      console.log(
        `bench: ${pair.label} #${round} (${order.join(" then ")}): SegOps ${Math.round(app[pair.figure] ?? 0)} vs floor ${Math.round(floor[pair.figure] ?? 0)} ${pair.unit} = ${ratio.toFixed(2)}×; SegOps accepted ${app.accepted}, stored ${app.stored}, 5xx ${app.fivexx}, non-2xx ${app.non2xx}, quarantined ${app.quarantined}, dead letters ${app.deadLetters}; floor accepted ${floor.accepted}, stored ${floor.stored}, non-2xx ${floor.non2xx}`,
      );
    }
    rows.push(row);
  }
  return rows;
}

const n = (value: number) => Math.round(value).toLocaleString("en");

/** The ingest table of `npm run bench` (recorded in docs/benchmarks.md); true when a target or a check failed. */
export function printIngestTable(rows: PairRow[]): boolean {
  let failed = false;
  console.log("| workload | SegOps (median) | floor, same rounds (median) | ratio (median of rounds) | target | accepted = stored | 5xx / refused |");
  console.log("|---|---|---|---|---|---|---|");
  for (const { pair, app, floor, ratio } of rows) {
    const value = (results: RoundResult[]) => median(results.map((result) => result[pair.figure] ?? 0));
    const exact = app.every((round) => round.accepted === round.stored) && floor.every((round) => round.accepted === round.stored);
    const fivexx = app.reduce((sum, round) => sum + round.fivexx, 0);
    const refused = app.reduce((sum, round) => sum + round.non2xx + round.errors, 0);
    const met = median(ratio) >= pair.target;
    failed ||= !met || !exact || fivexx > 0 || refused > 0;
    const stored = `${exact ? "yes" : "NO"} (${app.map((round) => `${n(round.stored)}/${n(round.accepted)}`).join(", ")})`;
    console.log(
      `| ${pair.label} (floor: ${pair.floor}) | ${n(value(app))} ${pair.unit} | ${n(value(floor))} | ${median(ratio).toFixed(2)}× | ≥ ${pair.target}× ${met ? "✓" : "✗"} | ${stored} | ${fivexx} / ${refused} |`,
    );
  }
  return failed;
}
