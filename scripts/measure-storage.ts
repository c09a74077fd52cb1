import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { gzipSync } from "node:zlib";
import { startDevStack } from "./dev/start-stack.ts";
import { freePort } from "./dev/free-port.ts";
import { resolveOpsToken } from "./ops/ops-client.ts";
import { backfillShop } from "./bench/backfill.ts";
import { queryLocalD1 } from "./bench/local-d1.ts";
import { benchStateDir } from "./bench/report.ts";
import { runRound } from "./bench/run-round.ts";
import { handshakeVisitors } from "./bench/seed-bench-tenants.ts";
import { visitorsFor } from "./bench/visitors.ts";

/** A table's rows and the bytes of its B-tree and of each of its indexes, summed over every local D1 database. */
type TableSize = { rows: number; table: number; indexes: number };
type Sizes = Map<string, TableSize>;

const SHOP = "capacity-demo.myshopify.com";
const PIXEL_REQUESTS = Number(process.env.CAPACITY_PIXEL_REQUESTS ?? 1_000);
const EVENTS_PER_REQUEST = 20;

/** Each local D1 file (control database and shards), compacted with VACUUM INTO a copy, then read with dbstat. */
function measure(persistTo: string): Sizes {
  const dir = join(persistTo, "v3", "d1", "miniflare-D1DatabaseObject");
  const scratch = mkdtempSync(join(persistTo, "measure-"));
  const sizes: Sizes = new Map();
  try {
    for (const name of readdirSync(dir).filter((file) => file.endsWith(".sqlite") && file !== "metadata.sqlite")) {
      const copy = join(scratch, name);
      for (const suffix of ["", "-wal"]) if (existsSync(join(dir, name + suffix))) copyFileSync(join(dir, name + suffix), copy + suffix);
      const vacuumed = `${copy}.vacuumed`;
      new DatabaseSync(copy).exec(`VACUUM INTO '${vacuumed}'`);
      const db = new DatabaseSync(vacuumed, { readOnly: true });
      const owners = new Map((db.prepare("select name, tbl_name from sqlite_schema where type in ('table', 'index')").all() as { name: string; tbl_name: string }[]).map((row) => [row.name, row.tbl_name]));
      for (const { name, bytes } of db.prepare("select name, sum(pgsize) as bytes from dbstat group by name").all() as { name: string; bytes: number }[]) {
        const table = owners.get(name);
        if (!table || table.startsWith("sqlite_") || table.startsWith("_cf_") || table.startsWith("d1_")) continue;
        const size = sizes.get(table) ?? { rows: 0, table: 0, indexes: 0 };
        if (name === table) {
          size.table += bytes;
          size.rows += (db.prepare(`select count(*) as n from "${table}"`).get() as { n: number }).n;
        } else size.indexes += bytes;
        sizes.set(table, size);
      }
      db.close();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return sizes;
}

/** gzip of the tenant's events of one source as NDJSON (every column), per event: an estimate of an archive's cost. */
function gzipPerEvent(persistTo: string, source: string): { events: number; rawBytes: number; gzipBytes: number } {
  const dir = join(persistTo, "v3", "d1", "miniflare-D1DatabaseObject");
  const lines: string[] = [];
  for (const name of readdirSync(dir).filter((file) => file.endsWith(".sqlite") && file !== "metadata.sqlite")) {
    const db = new DatabaseSync(join(dir, name), { readOnly: true });
    for (const row of db.prepare("select * from events where source = ?").all(source)) lines.push(JSON.stringify(row));
    db.close();
  }
  const text = `${lines.join("\n")}\n`;
  return { events: lines.length, rawBytes: Buffer.byteLength(text), gzipBytes: gzipSync(text).length };
}

function print(label: string, sizes: Sizes, before?: Sizes): void {
  console.log(`\n${label}\n| table | rows | table bytes | index bytes | bytes per row, with indexes |\n|---|---|---|---|---|`);
  for (const [table, size] of [...sizes].sort((a, b) => b[1].table + b[1].indexes - (a[1].table + a[1].indexes))) {
    const was = before?.get(table) ?? { rows: 0, table: 0, indexes: 0 };
    const rows = size.rows - was.rows;
    if (rows <= 0) continue;
    const bytes = size.table - was.table + (size.indexes - was.indexes);
    console.log(`| ${table} | ${rows} | ${size.table - was.table} | ${size.indexes - was.indexes} | ${Math.round(bytes / rows)} |`);
  }
}

// `node scripts/measure-storage.ts`: bytes per row of each table after a demo-store backfill, then what a
// pixel load of 20-event batches adds (docs/capacity.md).
const persistTo = await benchStateDir("segops-capacity-");
const stack = await startDevStack({ appPort: await freePort(), simulatorPort: await freePort(), persistTo, output: "quiet", runtime: "served" });
try {
  const empty = measure(persistTo);
  // The simulator's default store: the demo store `npm start` installs.
  await backfillShop(stack, SHOP, undefined);
  const backfilled = measure(persistTo);
  print("After the demo store's install backfill (rows it added):", backfilled, empty);
  const [tenant] = queryLocalD1<{ id: string; public_key: string }>(
    persistTo,
    `select t.id, k.public_key from tenants t join api_keys k on k.tenant_id = t.id and k.kind = 'public' where t.shop_domain = '${SHOP}'`,
  );
  if (!tenant) throw new Error(`no tenant with a public key for ${SHOP}`);
  const tenants = [{ tenantId: tenant.id, shop: SHOP, publicKey: tenant.public_key }];
  const runId = "7001";
  const tokens = await handshakeVisitors(stack.appUrl, tenants, runId, visitorsFor(PIXEL_REQUESTS));
  const round = await runRound(
    { url: stack.appUrl, kind: "pixel", connections: 10, amount: PIXEL_REQUESTS, seconds: 60, eventsPerRequest: EVENTS_PER_REQUEST, runId, tokens, tenants: 1, shops: [SHOP], apiSecret: stack.apiSecret },
    await resolveOpsToken(),
  );
  console.log(`\npixel load: ${round.ok} of ${round.requests} batches accepted, ${round.stored} of ${round.accepted} events stored`);
  print("What the pixel load added:", measure(persistTo), backfilled);
  for (const source of ["backfill", "pixel"]) {
    const gz = gzipPerEvent(persistTo, source);
    console.log(`gzip NDJSON of ${source} events: ${gz.events} events, ${Math.round(gz.rawBytes / gz.events)} bytes raw, ${Math.round(gz.gzipBytes / gz.events)} bytes gzipped per event`);
  }
} finally {
  await stack.stop();
  rmSync(persistTo, { recursive: true, force: true });
}
