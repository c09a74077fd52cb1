import { readdirSync, readFileSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { freePort } from "./dev/free-port.ts";
import { startDevStack } from "./dev/start-stack.ts";
import { resolveOpsToken } from "./ops/ops-client.ts";
import type { LoadPlan } from "./bench/load.ts";
import { benchStateDir } from "./bench/report.ts";
import { runFloorRound, runLoad, runRound, type RoundResult } from "./bench/run-round.ts";
import { handshakeVisitors, seedBenchTenants } from "./bench/seed-bench-tenants.ts";
import { startFloorWorker } from "./bench/start-floor-worker.ts";
import { visitorsFor } from "./bench/visitors.ts";

/**
 * Where a route's time goes, against its floor: `node scripts/profile-ingest.ts <pixel|webhook|pixel20> [requests]
 * [--profile]`. Each side gets the same fixed load (after a warm-up), then waits until every event is stored; the CPU
 * time of each side's whole process group (wrangler's Node process and both workerd processes: proxy, worker, D1,
 * queues, limiters) is divided by the requests, a figure far less noisy than req/s on a shared machine. With
 * `--profile`, the DevTools inspector records a CPU profile of each worker isolate (written to $TMPDIR) and prints its
 * heaviest functions, self and total, with the source module esbuild's bundle names for each.
 */
const [workloads = "pixel", requestsArg = "2000"] = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
const PROFILE = process.argv.includes("--profile");
const REQUESTS = Number(requestsArg);
const ROUNDS = Number(process.env.PROFILE_ROUNDS ?? 2);
const FLOOR_SECRET = "bench-floor-secret";
const TICKS = 100; // USER_HZ: /proc/<pid>/stat counts CPU time in 1/100 s.

/** CPU seconds used so far by each process of a process group (user + system), by role: node, proxy or runtime. */
function groupCpuSeconds(pgid: number): Record<string, number> {
  const seconds: Record<string, number> = {};
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== pgid) continue;
      const args = readFileSync(`/proc/${entry}/cmdline`, "utf8");
      // wrangler's ProxyWorker listens on the public port; the user worker's runtime on a loopback one (`entry=…:0`).
      const role = !args.includes("workerd") ? "node" : args.includes("entry=127.0.0.1:0") ? "runtime" : "proxy";
      seconds[role] = (seconds[role] ?? 0) + (Number(fields[11]) + Number(fields[12])) / TICKS;
    } catch {
      // exited meanwhile
    }
  }
  return seconds;
}

type Cdp = { send(method: string, params?: object): Promise<Record<string, unknown>>; close(): void };

async function connectInspector(port: number): Promise<Cdp> {
  const [target] = (await (await fetch(`http://127.0.0.1:${port}/json`)).json()) as { webSocketDebuggerUrl: string }[];
  // wrangler's inspector proxy wants an Origin it allows, as DevTools sends.
  const socket = new WebSocket(target!.webSocketDebuggerUrl, { headers: { Origin: "http://localhost" } } as unknown as string[]);
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = reject;
  });
  let next = 0;
  const pending = new Map<number, (result: Record<string, unknown>) => void>();
  socket.onmessage = (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: Record<string, unknown>; error?: unknown };
    if (message.id !== undefined) pending.get(message.id)?.(message.result ?? { error: message.error });
  };
  return {
    send: (method, params = {}) =>
      new Promise((resolve) => {
        const id = ++next;
        pending.set(id, resolve);
        socket.send(JSON.stringify({ id, method, params }));
      }),
    close: () => socket.close(),
  };
}

type ProfileNode = { id: number; callFrame: { functionName: string; scriptId: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

/** esbuild marks each module of the bundle with a `// path/to/module.ts` line: the module a bundle line belongs to. */
function moduleLines(source: string): (line: number) => string {
  const starts: [number, string][] = [];
  source.split("\n").forEach((text, line) => {
    const marker = /^\/\/ ((?:worker|queues|durable-objects|node_modules|scripts)\/\S+)$/.exec(text);
    if (marker) starts.push([line, marker[1]!.replace(/^node_modules\/(?:\.pnpm\/)?/, "npm:")]);
  });
  return (line) => {
    let name = "(runtime)";
    for (const [start, module] of starts) {
      if (start > line) break;
      name = module;
    }
    return name;
  };
}

async function summarize(label: string, cdp: Cdp, profile: Profile, requests: number): Promise<void> {
  const modules = new Map<string, (line: number) => string>();
  for (const node of profile.nodes) {
    const { scriptId } = node.callFrame;
    if (!scriptId || scriptId === "0" || modules.has(scriptId)) continue;
    const { scriptSource } = (await cdp.send("Debugger.getScriptSource", { scriptId })) as { scriptSource?: string };
    modules.set(scriptId, moduleLines(scriptSource ?? ""));
  }
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const nameOf = (node: ProfileNode) => {
    const { functionName, scriptId, lineNumber } = node.callFrame;
    const module = modules.get(scriptId)?.(lineNumber) ?? "(native)";
    return `${functionName || "(anonymous)"} ${module}:${lineNumber + 1}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const byModule = new Map<string, number>();
  let busy = 0;
  let all = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    all += us;
    const node = byId.get(id)!;
    const name = nameOf(node);
    if (name.startsWith("(idle)")) return;
    busy += us;
    self.set(name, (self.get(name) ?? 0) + us);
    const module = name.slice(name.indexOf(" ") + 1).replace(/:\d+$/, "");
    byModule.set(module, (byModule.get(module) ?? 0) + us);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = nameOf(byId.get(at)!);
      if (seen.has(frame)) continue;
      seen.add(frame);
      total.set(frame, (total.get(frame) ?? 0) + us);
    }
  });
  const perRequest = (us: number) => `${(us / 1000 / requests).toFixed(3)} ms/req`;
  const top = (map: Map<string, number>, count: number) =>
    [...map].sort((a, b) => b[1] - a[1]).slice(0, count).map(([name, us]) => `  ${perRequest(us).padStart(14)}  ${((100 * us) / busy).toFixed(1).padStart(5)}%  ${name}`).join("\n");
  console.log(`\n## ${label}: isolate busy ${(busy / 1e6).toFixed(2)} s of ${(all / 1e6).toFixed(2)} s profiled, ${perRequest(busy)}`);
  console.log(`### by module\n${top(byModule, 25)}\n### self\n${top(self, 40)}\n### total (inclusive)\n${top(total, 60)}`);
}

const persistTo = await benchStateDir("segops-profile-");
const [appPort, simulatorPort, floorPort, appInspector, floorInspector] = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort()]);
const stack = await startDevStack({ appPort, simulatorPort, persistTo, output: "quiet", runtime: "served", inspectorPort: PROFILE ? appInspector : undefined });
const floor = await startFloorWorker(floorPort, join(persistTo, "floor"), PROFILE ? floorInspector : undefined);
const tenants = seedBenchTenants(persistTo, 64);
const opsToken = await resolveOpsToken();
const shops = tenants.map((tenant) => tenant.shop);

const plan = async (workload: string, side: "app" | "floor", runId: string, amount: number): Promise<LoadPlan> => {
  const app = side === "app";
  const pixel = workload.startsWith("pixel");
  const tokens = app && pixel ? await handshakeVisitors(stack.appUrl, tenants, runId, visitorsFor(amount)) : [];
  const kind = app ? (pixel ? "pixel" : "webhook") : pixel ? "floor-pixel" : "floor-webhook";
  const eventsPerRequest = workload === "pixel20" ? 20 : 1;
  return { url: app ? stack.appUrl : floor.url, kind, connections: 10, amount, seconds: 10, eventsPerRequest, runId, tokens, tenants: tenants.length, shops, apiSecret: app ? stack.apiSecret : FLOOR_SECRET };
};

async function measure(workload: string, side: "app" | "floor", runId: string): Promise<void> {
  const pgid = side === "app" ? stack.pid : floor.pid;
  const load = await plan(workload, side, runId, REQUESTS);
  const cdp = PROFILE ? await connectInspector(side === "app" ? appInspector : floorInspector) : null;
  // No console relay to wrangler while profiling: it would be most of what the profile shows.
  await cdp?.send("Runtime.disable");
  await cdp?.send("Profiler.enable");
  await cdp?.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp?.send("Profiler.start");
  const cpuBefore = groupCpuSeconds(pgid);
  const result: RoundResult = side === "app" ? await runRound(load, opsToken) : await runFloorRound(load);
  const cpuAfter = groupCpuSeconds(pgid);
  const roles = Object.keys(cpuAfter).map((role) => [role, (cpuAfter[role] ?? 0) - (cpuBefore[role] ?? 0)] as const);
  const cpu = roles.reduce((sum, [, used]) => sum + used, 0);
  const split = roles.map(([role, used]) => `${role} ${((1000 * used) / result.ok).toFixed(2)}`).join(", ");
  console.log(
    `${workload} ${side} ${runId}: ${result.ok} of ${result.requests} ok, ${result.stored} of ${result.accepted} stored, ${Math.round(result.reqPerSec)} req/s, ` +
      `CPU ${((1000 * cpu) / result.ok).toFixed(2)} ms per request (${split}; load average ${readFileSync("/proc/loadavg", "utf8").split(" ")[0]})`,
  );
  if (!cdp) return;
  const { profile } = (await cdp.send("Profiler.stop")) as { profile: Profile };
  await writeFile(join(process.env.TMPDIR ?? "/tmp", `segops-${workload}-${side}.cpuprofile`), JSON.stringify(profile));
  await cdp.send("Debugger.enable");
  await summarize(`${workload} ${side}`, cdp, profile, result.ok);
  cdp.close();
}

try {
  for (const [w, workload] of workloads.split(",").entries()) {
    for (const side of ["floor", "app"] as const) await runLoad(await plan(workload, side, `9${w}0${side === "app" ? 1 : 2}`, 500));
    for (let round = 1; round <= ROUNDS; round++) {
      const order = round % 2 === 1 ? (["floor", "app"] as const) : (["app", "floor"] as const);
      for (const side of order) await measure(workload, side, `9${w}${round}${side === "app" ? 1 : 2}`);
    }
  }
} finally {
  await floor.stop();
  await stack.stop();
  await rm(persistTo, { recursive: true, force: true });
}
