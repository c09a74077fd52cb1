import { fileURLToPath } from "node:url";
import { unstable_startWorker } from "wrangler";
import { spawnGroup } from "./spawn-group.ts";

/** What `serveWorker` runs: a wrangler config, where to listen and persist, and vars that override the config's. */
export type ServeWorkerOptions = {
  config: string;
  port: number;
  persistTo: string;
  vars?: Record<string, string>;
  testScheduled?: boolean;
  /** DevTools inspector on this port, for CPU profiles (scripts/profile-ingest.ts); off by default, see below. */
  inspectorPort?: number;
};

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
      inspector: options.inspectorPort ? { port: options.inspectorPort, hostname: "127.0.0.1" } : false,
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
  return new Promise((resolve, reject) => {
    const group = spawnGroup(process.execPath, [SELF, JSON.stringify(options)], echo, (captured) => {
      const ready = /^ready (\S+)$/m.exec(captured);
      if (!ready || !group.child.pid) return;
      clearTimeout(timer);
      resolve({ url: ready[1]!, pid: group.child.pid, output: group.output, stop: group.stop });
    });
    const timer = setTimeout(() => {
      void group.stop();
      reject(new Error(`${options.config} did not start within 120 s:\n${group.output()}`));
    }, 120_000);
    group.child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${options.config} exited with ${code}:\n${group.output()}`));
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
