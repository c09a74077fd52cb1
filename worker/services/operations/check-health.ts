import type { Deps } from "../../context/deps.ts";
import { everyShard } from "../../context/for-shard.ts";
import { probeDatabase } from "../../db/probe-database.ts";
import { errorMessage } from "../../lib/log.ts";

/** `dbMs`: the slowest database's round trip; `failed`: the databases that did not answer (none when healthy). */
export type Probe = { dbMs: number; databases: number; failed: string[]; checkedAt: number };

// Anonymous callers may poll /healthz as often as they like: the databases are asked at most once per window per
// isolate, and callers arriving while a probe runs share it. A failed probe is not kept.
const PROBE_TTL_MS = 10_000;
let lastProbe: { at: number; probe: Promise<Probe> } | null = null;

/**
 * One round trip to every D1 database (the control database and each data shard), in parallel, timed, and reused
 * for 10 s: `/healthz` answers only once they all have, and names the ones that failed to the operator's log.
 */
export function checkHealth(args: { ctx: Deps; input: { now: number } }): Promise<Probe> {
  const { ctx, input } = args;
  if (lastProbe && input.now - lastProbe.at < PROBE_TTL_MS && input.now >= lastProbe.at) return lastProbe.probe;
  const entry = { at: input.now, probe: probeDatabases(ctx, input.now) };
  lastProbe = entry;
  void entry.probe.then((probe) => {
    if (probe.failed.length > 0 && lastProbe === entry) lastProbe = null;
  });
  return entry.probe;
}

async function probeDatabases(ctx: Deps, now: number): Promise<Probe> {
  const shards = everyShard(ctx);
  const answers = await Promise.all(
    shards.map(async ({ shard, d1 }) => {
      const started = Date.now();
      try {
        return { shard, ms: (await probeDatabase(d1)).ms, ok: true };
      } catch (error) {
        ctx.log.error("health probe failed", { shard, error: errorMessage(error) });
        return { shard, ms: Date.now() - started, ok: false };
      }
    }),
  );
  return {
    dbMs: Math.max(...answers.map((answer) => answer.ms)),
    databases: answers.length,
    failed: answers.filter((answer) => !answer.ok).map((answer) => answer.shard),
    checkedAt: now,
  };
}
