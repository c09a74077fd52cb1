import { rm } from "node:fs/promises";
import { join } from "node:path";
import { startDevStack } from "../dev/start-stack.ts";
import { freePort } from "../dev/free-port.ts";
import { benchStateDir, median, printTable, type Row, type Scenario } from "./report.ts";
import { runLoad, runReference, runRound } from "./run-round.ts";
import { resolveOpsToken } from "../ops/ops-client.ts";
import { handshakeAll, seedBenchTenants } from "./seed-bench-tenants.ts";
import { startBareWorker } from "./start-bare-worker.ts";
import { benchSegments, printSegmentTable } from "./segments.ts";
import { benchBackfill, printBackfillTable, type BackfillBenchRow } from "./backfill.ts";
import { benchDiscountFunction, printDiscountTable } from "./discount-function.ts";
import { benchMetafieldPush, printMetafieldPushTable, type MetafieldPushBench } from "./metafield-push.ts";

const ROUNDS = 3;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;
const TENANTS = 64;
// `BENCH_ONLY=ingest,backfill,segments,discounts,metafields` (any of them) runs a part of the benchmark; the default runs all.
const ONLY = new Set((process.env.BENCH_ONLY ?? "ingest,segments,backfill,discounts,metafields").split(",").map((part) => part.trim()));

const allScenarios: Scenario[] = [
  { label: "floor worker: 1 log line + 1 rate-limiter call + 1 queue send per request", kind: "floor", events: 0, figure: (r) => r.reqPerSec, unit: "req/s", target: null },
  { label: "floor worker, its consumer writing each event into D1 (50 rows per INSERT)", kind: "stored-floor", events: 0, figure: (r) => r.reqPerSec, unit: "req/s", target: null },
  { label: "pixel, 1 event per request", kind: "pixel", events: 1, figure: (r) => r.reqPerSec, unit: "req/s", target: 0.75 },
  { label: "pixel, 20 events per request: stored events/s, end to end", kind: "pixel", events: 20, figure: (r) => r.storedPerSec ?? 0, unit: "events/s", target: 10 },
  { label: "webhook orders/create (HMAC verified)", kind: "webhook", events: 1, figure: (r) => r.reqPerSec, unit: "deliveries/s", target: 0.6 },
];
const scenarios = ONLY.has("ingest") ? allScenarios : [];

// First, while nothing else of the benchmark runs: it measures CPU alone.
const discountRows = ONLY.has("discounts") ? await benchDiscountFunction() : [];
const persistTo = await benchStateDir("segops-bench-");
const [appPort, simulatorPort, barePort] = [await freePort(), await freePort(), await freePort()];
console.log(`bench: local stack on :${appPort}, bare worker on :${barePort}, state in ${persistTo}`);
const stack = await startDevStack({ appPort, simulatorPort, persistTo, output: "quiet", runtime: "served" });
const bare = await startBareWorker(barePort, join(persistTo, "bare"));
const floor = await startBareWorker(await freePort(), join(persistTo, "floor"), "floor");
const tenants = seedBenchTenants(persistTo, TENANTS);
const shops = tenants.map((tenant) => tenant.shop);
const opsToken = await resolveOpsToken();

const base = { connections: CONNECTIONS, seconds: SECONDS, shops, apiSecret: stack.apiSecret };
const rows: Row[] = [];
const backfillRows: BackfillBenchRow[] = [];
const pushRows: MetafieldPushBench[] = [];
try {
  // Warm-up rounds (not counted) size each measured round to about SECONDS and warm both runtimes.
  const bareRate = (await runLoad({ ...base, url: bare.url, kind: "bare", amount: null, seconds: 3, eventsPerRequest: 0, runId: "0", tokens: [] })).reqPerSec;
  for (const [s, scenario] of scenarios.entries()) {
    const warmId = `${s + 1}0`;
    const warmTokens = scenario.kind === "pixel" ? await handshakeAll(stack.appUrl, tenants, warmId) : [];
    const reference = scenario.kind === "floor" || scenario.kind === "stored-floor";
    const url = reference ? floor.url : stack.appUrl;
    const warm = await runLoad({ ...base, url, kind: scenario.kind, amount: null, seconds: 3, eventsPerRequest: scenario.events, runId: warmId, tokens: warmTokens });
    const row: Row = { scenario, bare: [], value: [], ratio: [], rounds: [] };
    for (let round = 1; round <= ROUNDS; round++) {
      // Bare and workload back to back in every round: this shared, noisy machine drifts between minutes.
      const bareRound = await runLoad({ ...base, url: bare.url, kind: "bare", amount: Math.ceil(bareRate * SECONDS), eventsPerRequest: 0, runId: "0", tokens: [] });
      const runId = `${s + 1}${round}`;
      const tokens = scenario.kind === "pixel" ? await handshakeAll(stack.appUrl, tenants, runId) : [];
      const amount = Math.max(200, Math.ceil(warm.reqPerSec * SECONDS));
      const plan = { ...base, url, kind: scenario.kind, amount, eventsPerRequest: scenario.events, runId, tokens };
      let result = reference ? await runReference(plan) : await runRound(plan, opsToken);
      for (let retry = 0; retry < 2 && result.reloaded; retry++) {
        console.log(`bench: ${scenario.label} #${round}: the worker reloaded mid-round (a file changed); running the round again`);
        const again = { ...plan, runId: `${runId}${retry + 1}`, tokens: scenario.kind === "pixel" ? await handshakeAll(stack.appUrl, tenants, `${runId}${retry + 1}`) : [] };
        result = await runRound(again, opsToken);
      }
      const value = scenario.figure(result);
      row.bare.push(bareRound.reqPerSec);
      row.value.push(value);
      row.ratio.push(value / bareRound.reqPerSec);
      row.rounds.push(result);
      console.log(
        `bench: ${scenario.label} #${round}: ${Math.round(value)} ${scenario.unit} vs bare ${Math.round(bareRound.reqPerSec)} req/s = ${(value / bareRound.reqPerSec).toFixed(2)}×; accepted ${result.accepted}, stored ${result.stored}, 5xx ${result.fivexx}, dead letters ${result.deadLetters}, quarantined ${result.quarantined}`,
      );
    }
    rows.push(row);
  }
  if (ONLY.has("backfill")) backfillRows.push(...(await benchBackfill(stack, persistTo)));
  if (ONLY.has("metafields")) pushRows.push(await benchMetafieldPush(stack, persistTo));
} finally {
  await bare.stop();
  await floor.stop();
  await stack.stop();
  await rm(persistTo, { recursive: true, force: true });
}

console.log(`\nnpm run bench: wrangler's local runtime (served: no inspector, no file watching), autocannon -c${CONNECTIONS} from a second process, ${ROUNDS} rounds of ~${SECONDS} s, medians, ${TENANTS} tenants`);
const failed = rows.length > 0 && printTable(rows);
if (rows.length > 0) console.log(`(median bare ${Math.round(median(rows.flatMap((row) => row.bare)))} req/s)`);
const segmentSizes = { profiles: 100_000, events: 1_000_000 };
const segmentsFailed = ONLY.has("segments") && printSegmentTable(await benchSegments({ ...segmentSizes, rounds: 5 }), segmentSizes);
const backfillFailed = backfillRows.length > 0 && printBackfillTable(backfillRows);
const discountsFailed = discountRows.length > 0 && printDiscountTable(discountRows);
const pushFailed = pushRows.length > 0 && printMetafieldPushTable(pushRows[0]!);
process.exit(failed || segmentsFailed || backfillFailed || discountsFailed || pushFailed ? 1 : 0);
