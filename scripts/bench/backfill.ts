import { rm } from "node:fs/promises";
import { join } from "node:path";
import { simClient, type CreateShopInput } from "../../tests/helpers/simulator-client.ts";
import { adminSession } from "../dev/admin-session.ts";
import { startDevStack, type DevStack } from "../dev/start-stack.ts";
import { readWrittenRows } from "./backfill/read-written-rows.ts";
import { startRawInsertWorker } from "./backfill/start-raw-insert-worker.ts";
import { queryLocalD1 } from "./local-d1.ts";
import { freePort } from "../dev/free-port.ts";
import { benchStateDir, median } from "./report.ts";

type Store = { label: string; size: CreateShopInput["size"]; rounds: number };
type Progress = {
  running: boolean;
  job: { status: string; startedAt: string | null; finishedAt: string | null } | null;
  resources: { downloadStartedAt: string | null; finishedAt: string | null }[];
};
export type BackfillRound = { seconds: number; busySeconds: number; rows: number; rawSeconds: number };
export type BackfillBenchRow = { store: Store; rounds: BackfillRound[] };

const TABLES = ["events", "orders", "profiles", "products", "checkouts", "identities"];
const SLICE = 20_000;
const STALL_MS = 180_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const BACKFILL_STORES: Store[] = [
  { label: "default demo store", size: undefined, rounds: 3 },
  { label: "100k-order store", size: { orders: 100_000, customers: 20_000, products: 500, abandonedCheckouts: 5_000, days: 85 }, rounds: Number(process.env.BENCH_BACKFILL_ROUNDS ?? 1) },
];

/** Time during which at least one resource was downloading or writing: Shopify's export time is not SegOps'. */
function busyTime(intervals: (readonly [number, number])[]): number {
  let total = 0;
  let end = -Infinity;
  for (const [from, to] of [...intervals].filter(([from]) => Number.isFinite(from)).sort((a, b) => a[0] - b[0])) {
    if (to > end) total += to - Math.max(from, end);
    end = Math.max(end, to);
  }
  return total;
}

/** Installs a fresh simulator shop through the real managed install and waits for its install backfill to finish. */
export async function backfillShop(stack: DevStack, shop: string, size: Store["size"]): Promise<Progress> {
  const sim = simClient(stack.simulatorUrl);
  await sim.createShop({ shop, ...(size ? { size } : {}) });
  const admin = adminSession(stack.appUrl, shop, sim);
  await admin.json("GET", "/bootstrap");
  let seen = "";
  let movedAt = Date.now();
  for (;;) {
    const progress = await admin.call<Progress>("GET", "/backfill");
    if (progress.status === 200 && progress.body.job && !progress.body.running) return progress.body;
    const now = JSON.stringify(progress.body);
    if (now !== seen) [seen, movedAt] = [now, Date.now()];
    // A wrangler dev reload (a file changed under it) drops the local queue's messages; say so rather than hang.
    if (Date.now() - movedAt > STALL_MS) throw new Error(`backfill of ${shop} stopped moving: ${now}`);
    await sleep(500);
  }
}

/**
 * The baseline: the very rows the backfill left in D1 (every table it writes, read back from the app's local D1 file
 * in write order) inserted by the raw loop into a fresh database with the app's schema. Only its D1 time counts.
 */
async function rawInsert(rawUrl: string, persistTo: string, tenantId: string): Promise<{ rows: number; seconds: number }> {
  let rows = 0;
  let ms = 0;
  for (const slice of readWrittenRows(persistTo, tenantId, TABLES, SLICE)) {
    const answer = (await (await fetch(rawUrl, { method: "POST", body: JSON.stringify(slice) })).json()) as { rows: number; ms: number };
    rows += answer.rows;
    ms += answer.ms;
  }
  return { rows, seconds: ms / 1000 };
}

/** One row per store: backfill rows/s into D1 against a raw D1 batch-insert loop of the same rows, round by round. */
export async function benchBackfill(stack: DevStack, persistTo: string, log = console.log): Promise<BackfillBenchRow[]> {
  const raw = await startRawInsertWorker(await freePort(), join(persistTo, "raw-insert"));
  const rows: BackfillBenchRow[] = [];
  try {
    for (const [s, store] of BACKFILL_STORES.entries()) {
      const row: BackfillBenchRow = { store, rounds: [] };
      for (let round = 1; round <= store.rounds; round++) {
        const shop = `bench-backfill-${s}-${round}-${Date.now()}.myshopify.com`;
        const progress = await backfillShop(stack, shop, store.size);
        if (progress.job?.status !== "succeeded") throw new Error(`backfill of ${shop} ended ${progress.job?.status}: ${JSON.stringify(progress)}`);
        const at = (iso: string | null | undefined) => Date.parse(iso ?? "");
        const seconds = (at(progress.job.finishedAt) - at(progress.job.startedAt)) / 1000;
        const busySeconds = busyTime(progress.resources.map((r) => [at(r.downloadStartedAt), at(r.finishedAt)] as const)) / 1000;
        const [tenant] = queryLocalD1<{ id: string }>(persistTo, `select id from tenants where shop_domain = '${shop}'`);
        const { rows: total, seconds: rawSeconds } = await rawInsert(raw.url, persistTo, tenant!.id);
        row.rounds.push({ seconds, busySeconds, rows: total, rawSeconds });
        log(
          `bench: backfill ${store.label} #${round}: ${total} rows, ${seconds.toFixed(1)} s end to end, ${busySeconds.toFixed(1)} s processing = ${Math.round(total / busySeconds)} rows/s; raw loop ${Math.round(total / rawSeconds)} rows/s = ${(rawSeconds / busySeconds).toFixed(2)}×`,
        );
      }
      rows.push(row);
    }
  } finally {
    await raw.stop();
  }
  return rows;
}

/** The backfill rows of the benchmark table; true when the 0.5× target was missed. */
export function printBackfillTable(rows: BackfillBenchRow[]): boolean {
  let failed = false;
  console.log("| backfill | time to backfill (median) | rows into D1 | backfill rows/s (processing) | raw D1 batch-insert rows/s (same run) | ratio (median) | target |");
  console.log("|---|---|---|---|---|---|---|");
  for (const { store, rounds } of rows) {
    const ratio = median(rounds.map((r) => r.rawSeconds / r.busySeconds));
    failed ||= ratio < 0.5;
    const n = (value: number) => Math.round(value).toLocaleString("en");
    console.log(
      `| ${store.label} | ${median(rounds.map((r) => r.seconds)).toFixed(1)} s (processing ${median(rounds.map((r) => r.busySeconds)).toFixed(1)} s) | ${n(median(rounds.map((r) => r.rows)))} | ${n(median(rounds.map((r) => r.rows / r.busySeconds)))} | ${n(median(rounds.map((r) => r.rows / r.rawSeconds)))} | ${ratio.toFixed(2)}× | ≥ 0.5× ${ratio >= 0.5 ? "✓" : "✗"} |`,
    );
  }
  return failed;
}

if (process.argv[1]?.endsWith("scripts/bench/backfill.ts")) {
  const persistTo = await benchStateDir("segops-bench-backfill-");
  const stack = await startDevStack({ appPort: await freePort(), simulatorPort: await freePort(), persistTo, output: "quiet", runtime: "served" });
  let failed = true;
  try {
    failed = printBackfillTable(await benchBackfill(stack, persistTo));
  } finally {
    await stack.stop();
    await rm(persistTo, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
}
