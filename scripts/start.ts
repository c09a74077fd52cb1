import { mkdir, writeFile } from "node:fs/promises";
import { CRONS } from "../worker/crons.ts";
import { installDemoShop } from "./dev/install-demo-shop.ts";
import { startLocalCron } from "./dev/local-cron.ts";
import { startDevStack, type DevStack } from "./dev/start-stack.ts";

const DEMO_FILE = ".dev/demo.json";

const appPort = Number(process.env.PORT ?? 8787);
const simulatorPort = Number(process.env.SIMULATOR_PORT ?? 8790);

let stack: DevStack | null = null;
let stopCron = () => {};
let stopping = false;

async function stopAndExit(reason: string, code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    console.log(`\n${reason}: stopping…`);
    stopCron();
    await stack?.stop();
  }
  // Exiting runs start-stack's exit hook, which also ends a wrangler that was still starting.
  process.exit(code);
}
process.on("SIGINT", () => void stopAndExit("SIGINT", 0));
process.on("SIGTERM", () => void stopAndExit("SIGTERM", 0));

console.log(`SegOps: starting the local stack (app on ${appPort}, Shopify simulator on ${simulatorPort})…`);
stack = await startDevStack({ appPort, simulatorPort, persistTo: ".wrangler/state", output: "inherit", webhooks: "pubsub" });
const { appUrl, simulatorUrl } = stack;
stopCron = startLocalCron(appUrl, Object.values(CRONS), (cron, status) => console.log(JSON.stringify({ message: "local cron fired", cron, status })));

console.log("SegOps: installing the demo shop through the managed-install flow (session token → bootstrap → setup)…");
const installed = await installDemoShop({ appUrl, simulatorUrl, log: (line) => console.log(`  ${line}`) }).catch((error: unknown) => {
  console.error(`SegOps: installing the demo shop failed: ${error instanceof Error ? error.message : String(error)}`);
  return stopAndExit("install failed", 1);
});

const demo = {
  appUrl,
  simulatorUrl,
  shop: installed.shop,
  apiKey: stack.apiKey,
  apiSecret: stack.apiSecret,
  adminUrl: installed.adminUrl,
  publicKey: installed.publicKey,
  serverKey: installed.serverKey,
};
await mkdir(".dev", { recursive: true });
await writeFile(DEMO_FILE, `${JSON.stringify(demo, null, 2)}\n`);

console.log(`
SegOps is running with the demo shop installed. Ctrl-C stops everything.
  admin       ${demo.adminUrl}
  app         ${demo.appUrl}
  simulator   ${demo.simulatorUrl}
  shop        ${demo.shop} (workspace ${installed.tenant})
  public key  ${demo.publicKey}
  server key  ${demo.serverKey}
  details     ${DEMO_FILE}
`);
