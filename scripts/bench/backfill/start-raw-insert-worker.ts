import { spawn, spawnSync } from "node:child_process";

const CONFIG = "scripts/bench/backfill/wrangler.toml";
const CHILD_ENV = { ...process.env, WRANGLER_SEND_METRICS: "false", NO_D1_WARNING: "true" };

export type RawInsertWorker = { url: string; stop(): Promise<void> };

/** The raw-insert baseline under wrangler dev, with its own local D1 migrated to the app's schema. */
export async function startRawInsertWorker(port: number, persistTo: string): Promise<RawInsertWorker> {
  const migrate = spawnSync("node_modules/.bin/wrangler", ["d1", "migrations", "apply", "DB", "--local", "--config", CONFIG, "--persist-to", persistTo], {
    env: CHILD_ENV,
    encoding: "utf8",
  });
  if (migrate.status !== 0) throw new Error(`migrating the baseline's D1 failed:\n${migrate.stdout}\n${migrate.stderr}`);
  const args = ["dev", "--config", CONFIG, "--ip", "127.0.0.1", "--port", String(port), "--persist-to", persistTo];
  args.push("--show-interactive-dev-session=false", "--inspector-port", "0");
  const child = spawn("node_modules/.bin/wrangler", args, { env: CHILD_ENV, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  for (const stream of [child.stdout, child.stderr]) stream?.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-10_000)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`raw-insert worker exited:\n${output}`);
    if ((await fetch(url).catch(() => null))?.ok) break;
    if (Date.now() > deadline) throw new Error(`raw-insert worker did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return {
    url,
    async stop() {
      if (child.pid && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
      await new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once("exit", () => resolve())));
    },
  };
}
