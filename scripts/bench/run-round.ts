import { spawn } from "node:child_process";
import { idTime } from "./local-d1.ts";
import type { LoadPlan, LoadResult } from "./load.ts";

/** What `GET /ops/ingest-stats` answers (worker/services/operations/read-ingest-stats.ts), as far as the bench reads it. */
type IngestStats = {
  isolate: string;
  events: { total: number; lastWrittenId: string | null };
  quarantine: number;
  deadLetters: number;
};

export type RoundResult = LoadResult & {
  accepted: number;
  stored: number;
  storedPerSec: number | null;
  deadLetters: number;
  quarantined: number;
  /** The worker reloaded mid-round (a file changed under wrangler dev); the local queue loses in-flight messages then. */
  reloaded: boolean;
};

/** Runs autocannon in a second process and returns what it measured. */
export function runLoad(plan: LoadPlan): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["scripts/bench/load.ts", JSON.stringify(plan)], { stdio: ["ignore", "pipe", "inherit"] });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(stdout.trim().split("\n").at(-1)!) as LoadResult) : reject(new Error(`load exited with ${code}`))));
  });
}

async function stats(appUrl: string, opsToken: string, since: number): Promise<IngestStats> {
  const res = await fetch(`${appUrl}/ops/ingest-stats?since=${since}`, { headers: { Authorization: `Bearer ${opsToken}` } });
  if (!res.ok) throw new Error(`ingest-stats answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as IngestStats;
}

/**
 * Waits until every event the routes accepted is in D1 (or nothing moves for 3 minutes), asking the app itself: a
 * second process opening the local database file would fight the consumer for its lock. End-to-end stored/s runs
 * from the first request to the write of the last event (event ids carry the time they were minted).
 */
export async function runRound(plan: LoadPlan, opsToken: string): Promise<RoundResult> {
  const startedAt = Date.now();
  const { isolate } = await stats(plan.url, opsToken, startedAt);
  const load = await runLoad(plan);
  const accepted = load.ok * (plan.kind === "pixel" ? plan.eventsPerRequest : 1);
  let current = await stats(plan.url, opsToken, startedAt);
  let lastChange = Date.now();
  // Three minutes without progress: longer than the consumer's whole retry backoff (2 + 4 + … + 32 s).
  while (current.events.total < accepted && Date.now() - lastChange < 180_000) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const next = await stats(plan.url, opsToken, startedAt);
    if (next.events.total !== current.events.total) lastChange = Date.now();
    current = next;
  }
  const last = current.events.lastWrittenId;
  return {
    ...load,
    accepted,
    stored: current.events.total,
    storedPerSec: last && current.events.total >= accepted ? current.events.total / ((idTime(last) - load.startedAt) / 1000) : null,
    deadLetters: current.deadLetters,
    quarantined: current.quarantine,
    reloaded: current.isolate !== isolate,
  };
}

/**
 * A floor worker's round: the load, then its `/stats` until every accepted event is a row; stored/s runs from the
 * first request to the last row's write, as for the app.
 */
export async function runFloorRound(plan: LoadPlan): Promise<RoundResult> {
  const load = await runLoad(plan);
  const accepted = load.ok * (plan.kind === "floor-pixel" ? plan.eventsPerRequest : 1);
  const read = async () => (await (await fetch(`${plan.url}/stats?run=${plan.runId}`)).json()) as { total: number; last: number | null };
  let current = await read();
  let lastChange = Date.now();
  while (current.total < accepted && Date.now() - lastChange < 180_000) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const next = await read();
    if (next.total !== current.total) lastChange = Date.now();
    current = next;
  }
  const storedPerSec = current.last && current.total >= accepted ? current.total / ((current.last - load.startedAt) / 1000) : null;
  return { ...load, accepted, stored: current.total, storedPerSec, deadLetters: 0, quarantined: 0, reloaded: false };
}
