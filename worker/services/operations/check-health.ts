import type { Deps } from "../../context/deps.ts";

type Probe = { dbMs: number; checkedAt: number };

// Anonymous callers may poll /healthz as often as they like: the database is asked at most once per window per
// isolate, and callers arriving while a probe runs share it. A failed probe is not kept.
const PROBE_TTL_MS = 10_000;
let lastProbe: { at: number; probe: Promise<Probe> } | null = null;

/** One round trip to D1, timed, and reused for 10 s: `/healthz` answers only once the database has. */
export function checkHealth(args: { ctx: Deps; input: { now: number } }): Promise<Probe> {
  const { ctx, input } = args;
  if (lastProbe && input.now - lastProbe.at < PROBE_TTL_MS && input.now >= lastProbe.at) return lastProbe.probe;
  const started = Date.now();
  const probe = ctx.d1
    .prepare("select 1")
    .first()
    .then(() => ({ dbMs: Date.now() - started, checkedAt: input.now }));
  const entry = { at: input.now, probe };
  lastProbe = entry;
  probe.catch(() => {
    if (lastProbe === entry) lastProbe = null;
  });
  return probe;
}
