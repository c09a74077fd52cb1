import { startServedWorker } from "../dev/serve-worker.ts";

/** A reference worker (`bare` or `floor`) on the same served runtime as the app (scripts/dev/serve-worker.ts). */
export async function startBareWorker(port: number, persistTo: string, which: "bare" | "floor" = "bare"): Promise<{ url: string; stop(): Promise<void> }> {
  return startServedWorker({ config: `scripts/bench/${which}/wrangler.toml`, port, persistTo });
}
