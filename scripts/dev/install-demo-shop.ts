import { simClient, type SimClient } from "../../tests/helpers/simulator-client.ts";
import { APP_HANDLE } from "../../worker/shopify/app-handle.ts";
import { adminSession, type AdminSession } from "./admin-session.ts";

export const DEMO_SHOP = "segops-demo.myshopify.com";
const DEMO_SEED = "segops-demo";
const SETUP_TIMEOUT_MS = 120_000;
const UNINSTALL_TIMEOUT_MS = 20_000;

type SetupView = {
  steps: { key: string; label: string; status: string; detail: string | null; error: string | null; updatedAt: string | null }[];
  complete: boolean;
};
type Bootstrap = { tenant: { slug: string; status: string }; setup: SetupView; keys: { public: { key: string } | null } };

export type DemoInstall = { shop: string; tenant: string; adminUrl: string; publicKey: string; serverKey: string };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A fresh simulator against kept local state: the app already has the shop and holds a token this simulator never issued. */
async function knownFromEarlierRun(sim: SimClient, bootstrap: Bootstrap, startedAt: number): Promise<boolean> {
  if ((await sim.state(DEMO_SHOP)).tokens.exchanged === 0 || bootstrap.tenant.status === "active") return true;
  return bootstrap.setup.steps.some((step) => step.updatedAt !== null && Date.parse(step.updatedAt) < startedAt);
}

/** What Shopify does when a merchant reinstalls: app/uninstalled to the app, then the install; bootstrap sees a reinstall. */
async function reinstall(sim: SimClient, admin: AdminSession, log: (line: string) => void): Promise<Bootstrap> {
  log("the app knows this shop from an earlier run but the simulator starts empty: reinstalling it (app/uninstalled, then install)");
  const { deliveries } = await sim.uninstall(DEMO_SHOP);
  await sim.install(DEMO_SHOP);
  const deadline = Date.now() + UNINSTALL_TIMEOUT_MS;
  for (;;) {
    const bootstrap = await admin.json<Bootstrap>("GET", "/bootstrap");
    if (bootstrap.tenant.status !== "active") return bootstrap;
    if (Date.now() > deadline) {
      const status = deliveries.find((delivery) => delivery.topic === "app/uninstalled")?.status ?? "no delivery";
      log(`warning: the app did not process app/uninstalled (its delivery got ${status}), so it keeps its earlier install;`);
      log("this simulator lacks that install's webhook subscriptions, pixel and metafield definitions. Delete .wrangler/state for a clean one.");
      return bootstrap;
    }
    await sleep(500);
  }
}

/** Polls setup as the dashboard does, printing each step as its status changes, until it completes. */
async function followSetup(admin: AdminSession, initial: SetupView, log: (line: string) => void): Promise<void> {
  const printed = new Map<string, string>();
  const deadline = Date.now() + SETUP_TIMEOUT_MS;
  for (let setup = initial; ; setup = await admin.json<SetupView>("GET", "/setup")) {
    for (const step of setup.steps) {
      const line = `${step.status}${step.error ? `: ${step.error}` : step.detail ? ` (${step.detail})` : ""}`;
      if (printed.get(step.key) !== line && step.status !== "pending") log(`setup: ${step.label} — ${line}`);
      printed.set(step.key, line);
    }
    if (setup.complete) return;
    if (Date.now() > deadline) throw new Error(`setup did not complete within ${SETUP_TIMEOUT_MS / 1000} s`);
    await sleep(250);
  }
}

/** The server key is shown once: reveal it, or, when an earlier run already did, rotate to get one that works. */
async function obtainServerKey(admin: AdminSession, log: (line: string) => void): Promise<string> {
  const revealed = await admin.call<{ key: string }>("POST", "/keys/server/reveal");
  if (revealed.status === 200) return revealed.body.key;
  if (revealed.status !== 410) throw new Error(`revealing the server key answered ${revealed.status}`);
  log("the server key was already shown in an earlier run and cannot be shown again: rotated it (the earlier one no longer works)");
  return (await admin.json<{ key: string }>("POST", "/keys/server/rotate")).key;
}

/** Installs the demo shop through the same managed-install flow a real shop goes through on its first admin load. */
export async function installDemoShop(args: { appUrl: string; simulatorUrl: string; log: (line: string) => void }): Promise<DemoInstall> {
  const startedAt = Date.now();
  const sim = simClient(args.simulatorUrl);
  const { counts } = await sim.createShop({ shop: DEMO_SHOP, seed: DEMO_SEED });
  args.log(`demo shop ${DEMO_SHOP}: ${counts.products} products, ${counts.customers} customers, ${counts.orders} orders`);
  const admin = adminSession(args.appUrl, DEMO_SHOP, sim);
  let bootstrap = await admin.json<Bootstrap>("GET", "/bootstrap");
  if (await knownFromEarlierRun(sim, bootstrap, startedAt)) bootstrap = await reinstall(sim, admin, args.log);
  await followSetup(admin, bootstrap.setup, args.log);
  const serverKey = await obtainServerKey(admin, args.log);
  const installed = await admin.json<Bootstrap>("GET", "/bootstrap");
  if (!installed.keys.public) throw new Error("setup completed without a public key");
  return {
    shop: DEMO_SHOP,
    tenant: installed.tenant.slug,
    adminUrl: `${args.simulatorUrl}/store/${DEMO_SHOP.replace(".myshopify.com", "")}/apps/${APP_HANDLE}`,
    publicKey: installed.keys.public.key,
    serverKey,
  };
}
