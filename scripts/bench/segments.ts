import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { D1Database } from "@cloudflare/workers-types/index.ts";
import { getPlatformProxy } from "wrangler";
import { parseSegment } from "../../worker/services/segments/dsl/index.ts";
import { compileMembers } from "../../worker/services/segments/read-segment-query.ts";
import { recomputeStatements, type Statement } from "../../worker/services/segments/recompute-statements.ts";
import { SEGMENT_RULES, seedSegmentData, type SegmentRule } from "./segment-rules.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TENANT = "ten_bench_segments";
const TARGET = 1.5;

/** Median milliseconds of the compiled query and of the fastest hand-written one, per measurement. */
type Pair = { compiled: number; hand: number };
export type SegmentBenchRow = { rule: SegmentRule; members: number; same: boolean; select: Pair; fresh: Pair; unchanged: Pair };

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function applyMigrations(db: D1Database): Promise<void> {
  for (const file of (await readdir(`${ROOT}migrations`)).filter((name) => name.endsWith(".sql")).sort()) {
    const text = await readFile(`${ROOT}migrations/${file}`, "utf8");
    for (const sql of text.split("--> statement-breakpoint").map((part) => part.trim()).filter(Boolean)) await db.prepare(sql).run();
  }
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** `?1`/`?2` → plain `?` with the values in order: the recompute statements bind around the member query positionally. */
function positional(sql: string, values: (string | number)[]): Statement {
  const params: (string | number)[] = [];
  const text = sql.replace(/\?(\d+)/g, (_, n: string) => {
    params.push(values[Number(n) - 1]!);
    return "?";
  });
  return { sql: text, params };
}

const run = (db: D1Database, statements: Statement[]) => db.batch(statements.map((s) => db.prepare(s.sql).bind(...s.params)));

async function memberIds(db: D1Database, members: Statement): Promise<string> {
  const { results } = await db.prepare(members.sql).bind(...members.params).all<{ id: string }>();
  return results.map((row) => row.id).sort().join(",");
}

/** One round for one member query: the select alone, a recompute of a fresh segment (all enter), then one with no change. */
async function measure(db: D1Database, members: Statement, segmentId: string, now: number) {
  const select = await timed(() => db.prepare(members.sql).bind(...members.params).all());
  const fresh = await timed(() => run(db, recomputeStatements(members, { tenantId: TENANT, segmentId, now })));
  const unchanged = await timed(() => run(db, recomputeStatements(members, { tenantId: TENANT, segmentId, now: now + 1 })));
  return { select, fresh, unchanged };
}

/**
 * Recompute over `profiles` profiles and `events` events: the compiled member query against the fastest of the
 * hand-written queries for the same rule, alone and inside the real recompute statements. Every variant runs in
 * every round, in rotating order; figures are medians of `rounds`.
 */
export async function benchSegments(options: { profiles: number; events: number; rounds: number }): Promise<SegmentBenchRow[]> {
  const configPath = `${ROOT}scripts/bench/segments/wrangler.toml`;
  const proxy = await getPlatformProxy<{ DB: D1Database }>({ configPath, persist: false, remoteBindings: false });
  try {
    const db = proxy.env.DB;
    await applyMigrations(db);
    const now = Date.now();
    console.log(`bench: seeding ${options.profiles.toLocaleString("en")} profiles and ${options.events.toLocaleString("en")} events…`);
    await seedSegmentData(db, { tenantId: TENANT, now, ...options });
    await db.prepare("ANALYZE").run();
    const rows: SegmentBenchRow[] = [];
    for (const rule of SEGMENT_RULES) {
      const ast = parseSegment(rule.query, "customer");
      if (!ast.ok) throw new Error(`${rule.query}: ${ast.error.message}`);
      const compiled = compileMembers(ast.value, "customer", TENANT, now);
      if (!compiled.ok) throw new Error(compiled.error.message);
      const variants = [compiled.value, ...rule.handWritten.map((sql) => positional(sql, [TENANT, now]))];
      const expected = await memberIds(db, compiled.value);
      const same = (await Promise.all(variants.map((members) => memberIds(db, members)))).every((ids) => ids === expected);
      const times = variants.map(() => ({ select: [] as number[], fresh: [] as number[], unchanged: [] as number[] }));
      for (let round = 0; round < options.rounds; round++) {
        for (let k = 0; k < variants.length; k++) {
          const v = (round + k) % variants.length;
          const measured = await measure(db, variants[v]!, `seg_bench_${rule.key}_${v}_${round}`, now);
          for (const key of ["select", "fresh", "unchanged"] as const) times[v]![key].push(measured[key]);
        }
      }
      const pair = (key: "select" | "fresh" | "unchanged"): Pair => ({
        compiled: median(times[0]![key]),
        hand: Math.min(...times.slice(1).map((t) => median(t[key]))),
      });
      rows.push({ rule, members: expected === "" ? 0 : expected.split(",").length, same, select: pair("select"), fresh: pair("fresh"), unchanged: pair("unchanged") });
    }
    return rows;
  } finally {
    await proxy.dispose();
  }
}

/** The segments table of `npm run bench` (recorded in docs/benchmarks.md); true when a ratio misses the target or results differ. */
export function printSegmentTable(rows: SegmentBenchRow[], sizes: { profiles: number; events: number }): boolean {
  let failed = false;
  const cell = (pair: Pair) => {
    const ratio = pair.compiled / pair.hand;
    failed ||= ratio > TARGET;
    return `${Math.round(pair.compiled)} / ${Math.round(pair.hand)} ms = ${ratio.toFixed(2)}×`;
  };
  console.log(`\nSegment recompute, ${sizes.profiles.toLocaleString("en")} profiles and ${sizes.events.toLocaleString("en")} events (local D1, medians; compiled / best hand-written, target ≤ ${TARGET}×):`);
  console.log("| rule | members | member query | recompute, all enter | recompute, no change | same members |");
  console.log("|---|---|---|---|---|---|");
  for (const row of rows) {
    failed ||= !row.same;
    console.log(`| \`${row.rule.query}\` | ${row.members.toLocaleString("en")} | ${cell(row.select)} | ${cell(row.fresh)} | ${cell(row.unchanged)} | ${row.same ? "yes" : "NO"} |`);
  }
  return failed;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = { profiles: Number(process.env.BENCH_PROFILES ?? 100_000), events: Number(process.env.BENCH_EVENTS ?? 1_000_000) };
  const failed = printSegmentTable(await benchSegments({ ...sizes, rounds: Number(process.env.BENCH_ROUNDS ?? 5) }), sizes);
  process.exit(failed ? 1 : 0);
}
