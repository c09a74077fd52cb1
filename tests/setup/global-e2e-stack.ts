import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import type { TestProject } from "vitest/node";
import { freePort } from "../../scripts/dev/free-port.ts";
import { startDevStack } from "../../scripts/dev/start-stack.ts";

/** What the e2e files need of the shared stack: where the app and the simulator answer, and the app's API key. */
export type E2eStack = { appUrl: string; simulatorUrl: string; apiKey: string };

declare module "vitest" {
  export interface ProvidedContext {
    e2eStack: E2eStack;
    /** Where the shared headless Chromium listens for `chromium.connect`; null where Chromium is absent. */
    chromiumEndpoint: string | null;
  }
}

/** Debian's chromium, as CI installs it; CHROMIUM_PATH points elsewhere. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * One stack for every e2e file of the run (admin built, simulator and `wrangler dev` on free ports, state in a temp
 * dir) and one Chromium they connect to: starting them per file cost more than most files' tests. Each test works
 * on a shop of its own, so the files run side by side and beside the other projects.
 */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const persistTo = await mkdtemp(join(tmpdir(), "segops-e2e-"));
  const stack = await startDevStack({ appPort: await freePort(), simulatorPort: await freePort(), persistTo, output: "quiet" });
  const browser = existsSync(CHROMIUM)
    ? await chromium
        .launchServer({
          executablePath: CHROMIUM,
          host: "127.0.0.1",
          args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        })
        .catch(async (error: unknown) => {
          await stack.stop();
          throw error;
        })
    : null;
  project.provide("e2eStack", { appUrl: stack.appUrl, simulatorUrl: stack.simulatorUrl, apiKey: stack.apiKey });
  project.provide("chromiumEndpoint", browser?.wsEndpoint() ?? null);
  return async () => {
    await browser?.close();
    await stack.stop();
    await rm(persistTo, { recursive: true, force: true });
  };
}
