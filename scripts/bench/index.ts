import { rm } from "node:fs/promises";
import { join } from "node:path";
import { startDevStack } from "../dev/start-stack.ts";
import { freePort } from "../dev/free-port.ts";
import { benchStateDir } from "./report.ts";
import { benchIngestVsFloor, printIngestTable, type PairRow } from "./ingest-vs-floor.ts";
import { resolveOpsToken } from "../ops/ops-client.ts";
import { seedBenchTenants } from "./seed-bench-tenants.ts";
import { startFloorWorker } from "./start-floor-worker.ts";
import { benchSegments, printSegmentTable } from "./segments.ts";
import { benchBackfill, printBackfillTable, type BackfillBenchRow } from "./backfill.ts";
import { benchDiscountFunction, printDiscountTable } from "./discount-function.ts";
import { benchMetafieldPush, printMetafieldPushTable, type MetafieldPushBench } from "./metafield-push.ts";
import { benchShards, printShardsTable, type ShardsBench } from "./shards.ts";
import { benchShardsApp } from "./shards-app.ts";

const ROUNDS = Number(process.env.BENCH_INGEST_ROUNDS ?? 5);
// 5 s rounds keep `BENCH_ONLY=ingest` (3 pairs x 5 rounds x 2 sides, warm-ups, drains, start-up) under 5 minutes on a quiet machine.
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 10;
const TENANTS = 64;
// `BENCH_ONLY=ingest,backfill,segments,discounts,metafields,shards` (any of them) runs a part of the benchmark; the default runs all.
const ONLY = new Set((process.env.BENCH_ONLY ?? "ingest,segments,backfill,discounts,metafields,shards").split(",").map((part) => part.trim()));
const SHARD_ROUNDS = Number(process.env.BENCH_SHARD_ROUNDS ?? 5);

// First, while nothing else of the benchmark runs: it measures CPU alone.
const discountRows = ONLY.has("discounts") ? await benchDiscountFunction() : [];
const persistTo = await benchStateDir("segops-bench-");
// Also before the app's stack starts: the shard floor is the only worker then.
const shards = ONLY.has("shards") ? await benchShards({ persistTo, seconds: SECONDS, rounds: SHARD_ROUNDS, connections: CONNECTIONS }) : null;
const needsStack = ["ingest", "backfill", "metafields", "shards"].some((part) => ONLY.has(part));
let shardsApp: ShardsBench | null = null;
const rows: PairRow[] = [];
const backfillRows: BackfillBenchRow[] = [];
const pushRows: MetafieldPushBench[] = [];
if (needsStack) {
  const [appPort, simulatorPort, floorPort] = [await freePort(), await freePort(), await freePort()];
  console.log(`bench: local stack on :${appPort}, floor worker on :${floorPort}, state in ${persistTo}`);
  const stack = await startDevStack({ appPort, simulatorPort, persistTo, output: "quiet", runtime: "served" });
  // The floor worker and the seeded tenants serve the ingestion rounds only.
  const floor = ONLY.has("ingest") ? await startFloorWorker(floorPort, join(persistTo, "floor")) : null;
  try {
    // The shards bench again, through the app: first, while the app has written nothing else.
    if (ONLY.has("shards")) {
      const setup = { appUrl: stack.appUrl, apiSecret: stack.apiSecret, opsToken: await resolveOpsToken(), persistTo, seconds: SECONDS, rounds: SHARD_ROUNDS, connections: CONNECTIONS };
      shardsApp = await benchShardsApp(setup);
    }
    if (floor) {
      const tenants = seedBenchTenants(persistTo, TENANTS);
      const opsToken = await resolveOpsToken();
      const setup = { appUrl: stack.appUrl, floorUrl: floor.url, tenants, apiSecret: stack.apiSecret, opsToken, connections: CONNECTIONS, seconds: SECONDS, rounds: ROUNDS };
      rows.push(...(await benchIngestVsFloor(setup)));
    }
    if (ONLY.has("backfill")) backfillRows.push(...(await benchBackfill(stack, persistTo)));
    if (ONLY.has("metafields")) pushRows.push(await benchMetafieldPush(stack, persistTo));
  } finally {
    await floor?.stop();
    await stack.stop();
    await rm(persistTo, { recursive: true, force: true });
  }
} else {
  await rm(persistTo, { recursive: true, force: true });
}

console.log(
  `\nnpm run bench: wrangler's local runtime (served: no inspector, no file watching), autocannon -c${CONNECTIONS} from a second process, ${ROUNDS} alternating rounds of ~${SECONDS} s against the floor worker, medians, ${TENANTS} tenants`,
);
const failed = rows.length > 0 && printIngestTable(rows);
const segmentSizes = { profiles: 100_000, events: 1_000_000 };
const segmentsFailed = ONLY.has("segments") && printSegmentTable(await benchSegments({ ...segmentSizes, rounds: 5 }), segmentSizes);
const backfillFailed = backfillRows.length > 0 && printBackfillTable(backfillRows);
const discountsFailed = discountRows.length > 0 && printDiscountTable(discountRows);
const pushFailed = pushRows.length > 0 && printMetafieldPushTable(pushRows[0]!);
const shardsFailed = shards !== null && printShardsTable(shards, "the shard floor");
const shardsAppFailed = shardsApp !== null && printShardsTable(shardsApp, "the app");
process.exit(failed || segmentsFailed || backfillFailed || discountsFailed || pushFailed || shardsFailed || shardsAppFailed ? 1 : 0);
