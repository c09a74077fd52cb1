import { mkdir, writeFile } from "node:fs/promises";
import { CRONS } from "../worker/scheduled.ts";
import { startLocalCron } from "./dev/local-cron.ts";
import { startDevStack } from "./dev/start-stack.ts";

const DEMO_FILE = ".dev/demo.json";

const appPort = Number(process.env.PORT ?? 8787);
const simulatorPort = Number(process.env.SIMULATOR_PORT ?? 8790);

console.log(`SegOps: starting the local stack (app on ${appPort}, Shopify simulator on ${simulatorPort})…`);
const stack = await startDevStack({ appPort, simulatorPort, persistTo: ".wrangler/state", output: "inherit" });
const stopCron = startLocalCron(stack.appUrl, Object.values(CRONS), (cron, status) =>
  console.log(JSON.stringify({ message: "local cron fired", cron, status })),
);

const demo = {
  appUrl: stack.appUrl,
  simulatorUrl: stack.simulatorUrl,
  shop: null as string | null,
  apiKey: stack.apiKey,
  apiSecret: stack.apiSecret,
};
await mkdir(".dev", { recursive: true });
await writeFile(DEMO_FILE, `${JSON.stringify(demo, null, 2)}\n`);

console.log(`
SegOps is running. Ctrl-C stops everything.
  app        ${demo.appUrl}
  simulator  ${demo.simulatorUrl}
  details    ${DEMO_FILE}
`);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping…`);
  stopCron();
  await stack.stop();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
