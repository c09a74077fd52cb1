import { spawnSync } from "node:child_process";
import { startServedWorker } from "../../dev/serve-worker.ts";
import { WRANGLER_ENV, wranglerCommand } from "../../dev/wrangler-command.ts";

const CONFIG = "scripts/bench/backfill/wrangler.toml";

export type RawInsertWorker = { url: string; stop(): Promise<void> };

/** The raw-insert baseline on the app's served runtime, with its own local D1 migrated to the app's schema. */
export async function startRawInsertWorker(port: number, persistTo: string): Promise<RawInsertWorker> {
  const migrate = spawnSync(...wranglerCommand(["d1", "migrations", "apply", "DB", "--local", "--config", CONFIG, "--persist-to", persistTo]), {
    env: WRANGLER_ENV,
    encoding: "utf8",
  });
  if (migrate.status !== 0) throw new Error(`migrating the baseline's D1 failed:\n${migrate.stdout}\n${migrate.stderr}`);
  return startServedWorker({ config: CONFIG, port, persistTo });
}
