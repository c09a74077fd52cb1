import { startServedWorker, type ServedWorker } from "../dev/serve-worker.ts";

/** The floor worker (scripts/bench/floor/) on the same served runtime as the app (scripts/dev/serve-worker.ts). */
export async function startFloorWorker(port: number, persistTo: string, inspectorPort?: number): Promise<ServedWorker> {
  return startServedWorker({ config: "scripts/bench/floor/wrangler.toml", port, persistTo, inspectorPort });
}
