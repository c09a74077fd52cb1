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

const ROUNDS = Number(process.env.BENCH_INGEST_ROUNDS ?? 5);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;
const TENANTS = 64;
// `BENCH_ONLY=ingest,backfill,segments,discounts,metafields` (any of them) runs a part of the benchmark; the default runs all.
const ONLY = new Set((process.env.BENCH_ONLY ?? "ingest,segments,backfill,discounts,metafields").split(",").map((part) => part.trim()));

// First, while nothing else of the benchmark runs: it measures CPU alone.
const discountRows = ONLY.has("discounts") ? await benchDiscountFunction() : [];
const persistTo = await benchStateDir("segops-bench-");
const [appPort, simulatorPort, floorPort] = [await freePort(), await freePort(), await freePort()];
console.log(`bench: local stack on :${appPort}, floor worker on :${floorPort}, state in ${persistTo}`);
const stack = await startDevStack({ appPort, simulatorPort, persistTo, output: "quiet", runtime: "served" });
// The floor worker and the seeded tenants serve the ingestion rounds only.
const floor = ONLY.has("ingest") ? await startFloorWorker(floorPort, join(persistTo, "floor")) : null;

const rows: PairRow[] = [];
const backfillRows: BackfillBenchRow[] = [];
const pushRows: MetafieldPushBench[] = [];
try {
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

console.log(
  `\nnpm run bench: wrangler's local runtime (served: no inspector, no file watching), autocannon -c${CONNECTIONS} from a second process, ${ROUNDS} alternating rounds of ~${SECONDS} s against the floor worker, medians, ${TENANTS} tenants`,
);
const failed = rows.length > 0 && printIngestTable(rows);
const segmentSizes = { profiles: 100_000, events: 1_000_000 };
const segmentsFailed = ONLY.has("segments") && printSegmentTable(await benchSegments({ ...segmentSizes, rounds: 5 }), segmentSizes);
const backfillFailed = backfillRows.length > 0 && printBackfillTable(backfillRows);
const discountsFailed = discountRows.length > 0 && printDiscountTable(discountRows);
const pushFailed = pushRows.length > 0 && printMetafieldPushTable(pushRows[0]!);
process.exit(failed || segmentsFailed || backfillFailed || discountsFailed || pushFailed ? 1 : 0);
