import { existsSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RoundResult } from "./run-round.ts";

export type Scenario = { label: string; kind: "floor" | "stored-floor" | "pixel" | "webhook"; events: number; figure: (round: RoundResult) => number; unit: string; target: number | null };
export type Row = { scenario: Scenario; bare: number[]; value: number[]; ratio: number[]; rounds: RoundResult[] };

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/**
 * Local state (D1, Durable Objects, queues, rate-limiter counters) for every worker of a run, on tmpfs when the
 * machine has one: workerd's SQLite files would otherwise make the shared disk part of what is measured.
 */
export function benchStateDir(prefix: string): Promise<string> {
  return mkdtemp(join(existsSync("/dev/shm") ? "/dev/shm" : tmpdir(), prefix));
}

const n = (value: number) => Math.round(value).toLocaleString("en");

/** The one table `npm run bench` prints (recorded in docs/benchmarks.md); true when a target or a check failed. */
export function printTable(rows: Row[]): boolean {
  let failed = false;
  console.log("| workload | figure (median) | bare req/s (same rounds) | ratio (median) | target | accepted = stored | 5xx |");
  console.log("|---|---|---|---|---|---|---|");
  for (const row of rows) {
    const ratio = median(row.ratio);
    const exact = row.rounds.every((round) => round.accepted === round.stored);
    const fivexx = row.rounds.reduce((sum, round) => sum + round.fivexx, 0);
    const { target } = row.scenario;
    const met = target === null || ratio >= target;
    failed ||= !met || !exact || fivexx > 0;
    const stored = target === null ? "—" : `${exact ? "yes" : "NO"} (${row.rounds.map((round) => `${n(round.stored)}/${n(round.accepted)}`).join(", ")})`;
    const goal = target === null ? "reference" : `≥ ${target}× ${met ? "✓" : "✗"}`;
    console.log(`| ${row.scenario.label} | ${n(median(row.value))} ${row.scenario.unit} | ${n(median(row.bare))} | ${ratio.toFixed(2)}× | ${goal} | ${stored} | ${fivexx} |`);
  }
  return failed;
}
