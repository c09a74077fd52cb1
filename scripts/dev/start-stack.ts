import { spawnSync, type ChildProcess } from "node:child_process";
import { startSimulator } from "../../simulator/index.ts";
import { LOCAL_PUBSUB_SERVICE_ACCOUNT } from "../../worker/production-refusals.ts";
import { APP_HANDLE } from "../../worker/shopify/app-handle.ts";
import { DECLARED_SCOPES } from "../../worker/shopify/scopes.ts";
import { buildAdmin } from "../build-admin.ts";
import { deployedFunctions } from "../build-discount-function.ts";
import { ensureDevVars } from "./dev-vars.ts";
import { startServedWorker, type ServedWorker } from "./serve-worker.ts";
import { spawnGroup, type ChildGroup } from "./spawn-group.ts";
import { WRANGLER_ENV, wranglerCommand } from "./wrangler-command.ts";

export const LOCAL_API_KEY = "segops-local-api-key";
/** Where install subscribes the data topics when the stack runs on the Pub/Sub push bridge. */
/** The control database and the data shards: wrangler.toml's `d1_databases`, each migrated with one history. */
const D1_BINDINGS = ["DB", "SHARD_1", "SHARD_2"] as const;

export const LOCAL_PUBSUB_URI = "pubsub://segops-local:shopify-webhooks";

export type DevStackOptions = {
  appPort: number;
  simulatorPort: number;
  persistTo: string;
  /** "inherit" streams wrangler's output to this terminal; "quiet" keeps it for error reports only. */
  output: "inherit" | "quiet";
  /**
   * "wrangler-dev" (default) is the `wrangler dev` CLI; "served" is the same local runtime without the DevTools
   * inspector relay and file watching (scripts/dev/serve-worker.ts), which the benchmarks use.
   */
  runtime?: "wrangler-dev" | "served";
  /**
   * How install subscribes the data topics: "https" (default) to /webhooks, or "pubsub" to a topic the simulator
   * pushes through /webhooks/pubsub with Google-shaped OIDC tokens signed by its own JWKS (npm start uses it).
   */
  webhooks?: "https" | "pubsub";
  /** "served" only: the DevTools inspector on this port (CPU profiles, scripts/profile-ingest.ts). */
  inspectorPort?: number;
};

export type DevStack = {
  appUrl: string;
  simulatorUrl: string;
  apiKey: string;
  apiSecret: string;
  simulator: Awaited<ReturnType<typeof startSimulator>>["simulator"];
  /** The worker's process (group leader of wrangler and its workerd processes). */
  pid: number;
  stop(): Promise<void>;
};

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}\n${output()}`);
    const res = await fetch(`${url}/healthz`).catch(() => null);
    if (res?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`wrangler dev did not answer ${url}/healthz within 120 s\n${output()}`);
}

async function startWranglerDev(appUrl: string, options: DevStackOptions, vars: Record<string, string>): Promise<ChildGroup> {
  const args = ["dev", "--ip", "127.0.0.1", "--port", String(options.appPort), "--persist-to", options.persistTo];
  args.push("--test-scheduled", "--show-interactive-dev-session=false", "--inspector-port", "0");
  for (const [name, value] of Object.entries(vars)) args.push("--var", `${name}:${value}`);
  const group = spawnGroup(...wranglerCommand(args), options.output === "inherit");
  try {
    await waitForHealth(appUrl, group.child, group.output);
  } catch (error) {
    await group.stop();
    throw error;
  }
  return group;
}

async function startServed(appUrl: string, options: DevStackOptions, vars: Record<string, string>): Promise<ServedWorker> {
  // No `/__scheduled` route (no bench fires crons): wrangler adds it as a middleware every request would pass through,
  // which the floor worker does not, nor production.
  const config = { config: "wrangler.toml", port: options.appPort, persistTo: options.persistTo, vars, testScheduled: false, inspectorPort: options.inspectorPort };
  const served = await startServedWorker(config, options.output === "inherit");
  const health = await fetch(`${appUrl}/healthz`).catch(() => null);
  if (health?.ok) return served;
  await served.stop();
  throw new Error(`${appUrl}/healthz answered ${health?.status ?? "nothing"}\n${served.output()}`);
}

/** Simulator + wrangler dev (local D1 with migrations, queues, DOs, cron endpoint): the one stack behind npm start, e2e tests and benchmarks. */
export async function startDevStack(options: DevStackOptions): Promise<DevStack> {
  const secrets = ensureDevVars();
  const appUrl = `http://127.0.0.1:${options.appPort}`;
  await buildAdmin();

  const sim = await startSimulator({
    app: { apiKey: LOCAL_API_KEY, apiSecret: secrets.SHOPIFY_API_SECRET, appUrl, handle: APP_HANDLE, scopes: [...DECLARED_SCOPES] },
    pubsub: { audience: `${appUrl}/webhooks/pubsub`, serviceAccount: LOCAL_PUBSUB_SERVICE_ACCOUNT },
    delivery: "push",
    port: options.simulatorPort,
    host: "127.0.0.1",
    // Set by vitest.config.ts: the e2e tests' documents join the check against Shopify's schema.
    recordDocuments: process.env.SIMULATOR_RECORD_DOCUMENTS,
    functions: await deployedFunctions(),
  });

  for (const binding of D1_BINDINGS) {
    const migrate = spawnSync(...wranglerCommand(["d1", "migrations", "apply", binding, "--local", "--persist-to", options.persistTo]), {
      env: WRANGLER_ENV,
      encoding: "utf8",
    });
    if (migrate.status !== 0) {
      await sim.close();
      throw new Error(`Applying D1 migrations to ${binding} failed:\n${migrate.stdout}\n${migrate.stderr}`);
    }
  }

  const vars: Record<string, string> = {
    ENVIRONMENT: "development",
    SHOPIFY_API_KEY: LOCAL_API_KEY,
    SHOPIFY_APP_URL: appUrl,
    SHOPIFY_ADMIN_ORIGIN: sim.url,
    PUBSUB_AUDIENCE: `${appUrl}/webhooks/pubsub`,
    PUBSUB_SERVICE_ACCOUNT: LOCAL_PUBSUB_SERVICE_ACCOUNT,
    PUBSUB_JWKS_URL: `${sim.url}/_sim/oauth2/v3/certs`,
    ...(options.webhooks === "pubsub" ? { WEBHOOK_PUBSUB_URI: LOCAL_PUBSUB_URI } : {}),
  };
  let worker: { pid: number; stop(): Promise<void> };
  try {
    if (options.runtime === "served") worker = await startServed(appUrl, options, vars);
    else {
      const group = await startWranglerDev(appUrl, options, vars);
      worker = { pid: group.child.pid ?? 0, stop: group.stop };
    }
  } catch (error) {
    await sim.close();
    throw error;
  }
  return {
    appUrl,
    simulatorUrl: sim.url,
    apiKey: LOCAL_API_KEY,
    apiSecret: secrets.SHOPIFY_API_SECRET,
    simulator: sim.simulator,
    pid: worker.pid,
    async stop() {
      await worker.stop();
      await sim.close();
    },
  };
}
