import { spawn } from "node:child_process";

/** A reference worker (`bare` or `floor`) under wrangler dev: the same runtime and proxy as the app. */
export async function startBareWorker(port: number, persistTo: string, which: "bare" | "floor" = "bare"): Promise<{ url: string; stop(): Promise<void> }> {
  const args = ["dev", "--config", `scripts/bench/${which}/wrangler.toml`, "--ip", "127.0.0.1", "--port", String(port), "--persist-to", persistTo];
  args.push("--show-interactive-dev-session=false", "--inspector-port", "0");
  const child = spawn("node_modules/.bin/wrangler", args, {
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  for (const stream of [child.stdout, child.stderr]) stream?.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-10_000)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`reference worker exited:\n${output}`);
    if ((await fetch(url).catch(() => null))?.status) break;
    if (Date.now() > deadline) throw new Error(`reference worker did not start:\n${output}`);
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
