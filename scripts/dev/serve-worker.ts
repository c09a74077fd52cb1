import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { unstable_startWorker } from "wrangler";
import { WRANGLER_ENV } from "./wrangler-command.ts";

/** What `serveWorker` runs: a wrangler config, where to listen and persist, and vars that override the config's. */
export type ServeWorkerOptions = { config: string; port: number; persistTo: string; vars?: Record<string, string>; testScheduled?: boolean };

export type ServedWorker = { url: string; pid: number; output(): string; stop(): Promise<void> };

const SELF = fileURLToPath(import.meta.url);

/**
 * One worker on wrangler's local runtime (the same bundling, ProxyWorker, workerd, local D1, Queues, Durable Objects
 * and rate limiters as `wrangler dev`), minus two things the CLI cannot turn off: the DevTools inspector, through
 * which `wrangler dev` relays every `console.log` into its Node process (~1 ms of CPU per line here), and file
 * watching, whose reload drops the local queue. Console output arrives as workerd's structured stdio lines
 * instead; warnings and errors are printed, the rest is dropped.
 */
export async function serveWorker(options: ServeWorkerOptions): Promise<{ url: string; dispose(): Promise<void> }> {
  const bindings = Object.fromEntries(Object.entries(options.vars ?? {}).map(([name, value]) => [name, { type: "plain_text" as const, value }]));
  const worker = await unstable_startWorker({
    config: options.config,
    bindings,
    dev: {
      inspector: false,
      watch: false,
      persist: options.persistTo,
      server: { hostname: "127.0.0.1", port: options.port },
      testScheduled: options.testScheduled ?? false,
      logLevel: "warn",
      structuredLogsHandler: ({ level, message }: { level: string; message: string }) => {
        if (level === "warn" || level === "error") process.stderr.write(`${message}\n`);
      },
    },
  });
  await worker.ready;
  return { url: String(await worker.url).replace(/\/$/, ""), dispose: () => worker.dispose() };
}

/** `serveWorker` in a child process of its own (its own process group, stopped as one), resolved once it listens. */
export function startServedWorker(options: ServeWorkerOptions, echo = false): Promise<ServedWorker> {
  const child = spawn(process.execPath, [SELF, JSON.stringify(options)], { env: WRANGLER_ENV, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let captured = "";
  const kill = () => {
    if (!child.pid || child.exitCode !== null) return;
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  };
  process.once("exit", kill);
  const stop = async () => {
    kill();
    await new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once("exit", () => resolve())));
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${options.config} did not start within 120 s:\n${captured}`));
    }, 120_000);
    for (const stream of [child.stdout, child.stderr]) {
      stream.on("data", (chunk: Buffer) => {
        captured = (captured + chunk.toString()).slice(-20_000);
        if (echo) process.stdout.write(chunk);
        const ready = /^ready (\S+)$/m.exec(captured);
        if (ready && child.pid) {
          clearTimeout(timer);
          resolve({ url: ready[1]!, pid: child.pid, output: () => captured, stop });
        }
      });
    }
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${options.config} exited with ${code}:\n${captured}`));
    });
  });
}

// `node scripts/dev/serve-worker.ts '<ServeWorkerOptions JSON>'` prints `ready <url>` once the worker answers.
if (process.argv[1] === SELF) {
  const served = await serveWorker(JSON.parse(process.argv[2]!) as ServeWorkerOptions);
  process.stdout.write(`ready ${served.url}\n`);
  const stop = () => void served.dispose().finally(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
