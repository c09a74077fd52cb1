import type { Deps } from "../../context/deps.ts";

/** One round trip to D1, timed: `/healthz` answers only once the database does. */
export async function checkHealth(args: { ctx: Deps }): Promise<{ dbMs: number }> {
  const started = Date.now();
  await args.ctx.d1.prepare("select 1").first();
  return { dbMs: Date.now() - started };
}
