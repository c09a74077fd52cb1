import type { Deps } from "../../context/deps.ts";

/** One round trip to D1, timed: `/healthz` answers only once the database does. */
export async function checkHealth(deps: Deps): Promise<{ dbMs: number }> {
  const started = Date.now();
  await deps.d1.prepare("select 1").first();
  return { dbMs: Date.now() - started };
}
