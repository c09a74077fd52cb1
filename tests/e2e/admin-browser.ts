import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type FrameLocator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe } from "vitest";
import { freePort } from "../../scripts/dev/free-port.ts";
import { startDevStack, type DevStack } from "../../scripts/dev/start-stack.ts";
import { simClient, type SimClient } from "../helpers/simulator-client.ts";

/** Debian's chromium, as CI installs it; CHROMIUM_PATH points elsewhere. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const HAS_CHROMIUM = existsSync(CHROMIUM);

type AdminBrowser = { stack: DevStack; browser: Browser; close(): Promise<void> };

/** The real local stack (simulator + wrangler dev on free ports, state in a temp dir) and a headless Chromium. */
async function startAdminBrowser(): Promise<AdminBrowser> {
  const persistTo = await mkdtemp(join(tmpdir(), "segops-e2e-"));
  const stack = await startDevStack({ appPort: await freePort(), simulatorPort: await freePort(), persistTo, output: "quiet" });
  const browser = await chromium
    .launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    })
    .catch(async (error: unknown) => {
      await stack.stop();
      throw error;
    });
  return {
    stack,
    browser,
    async close() {
      await browser.close();
      await stack.stop();
      await rm(persistTo, { recursive: true, force: true });
    },
  };
}

/** Opens the app for `shop` the way a merchant does, in the simulator's admin page, and answers the app's iframe. */
export async function openApp(page: Page, stack: DevStack, shop: string): Promise<FrameLocator> {
  await page.goto(`${stack.simulatorUrl}/store/${shop.replace(".myshopify.com", "")}/apps/segops`);
  return page.frameLocator("#app-iframe");
}

/** `describe` for tests that drive the admin in Chromium; where Chromium is absent it skips, and says so on stderr. */
export function describeInChromium(name: string, tests: () => void): void {
  // Straight to stderr: the runner keeps console output of files that pass or skip to itself.
  if (!HAS_CHROMIUM) process.stderr.write(`\nSKIPPED: "${name}" needs ${CHROMIUM} (CI installs it; apt-get install chromium).\n`);
  describe.skipIf(!HAS_CHROMIUM)(name, tests);
}

export type SharedAdminBrowser = { stack: DevStack; browser: Browser; sim: SimClient };

/** The stack, Chromium and a simulator client shared by the enclosing describe's tests: set before them, stopped after. */
export function sharedAdminBrowser(): SharedAdminBrowser {
  const shared = {} as SharedAdminBrowser;
  let started: AdminBrowser | undefined;
  beforeAll(async () => {
    started = await startAdminBrowser();
    Object.assign(shared, { stack: started.stack, browser: started.browser, sim: simClient(started.stack.simulatorUrl) });
  });
  afterAll(() => started?.close());
  return shared;
}
