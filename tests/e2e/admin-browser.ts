import { chromium, type Browser, type FrameLocator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, inject } from "vitest";
import { simClient, type SimClient } from "../helpers/simulator-client.ts";
import { CHROMIUM, type E2eStack } from "../setup/global-e2e-stack.ts";

/** Opens the app for `shop` the way a merchant does, in the simulator's admin page, and answers the app's iframe. */
export async function openApp(page: Page, stack: E2eStack, shop: string): Promise<FrameLocator> {
  await page.goto(`${stack.simulatorUrl}/store/${shop.replace(".myshopify.com", "")}/apps/segops`);
  return page.frameLocator("#app-iframe");
}

/** `describe` for tests that drive the admin in Chromium; where Chromium is absent it skips, and says so on stderr. */
export function describeInChromium(name: string, tests: () => void): void {
  const hasChromium = inject("chromiumEndpoint") !== null;
  // Straight to stderr: the runner keeps console output of files that pass or skip to itself.
  if (!hasChromium) process.stderr.write(`\nSKIPPED: "${name}" needs ${CHROMIUM} (CI installs it; apt-get install chromium).\n`);
  describe.skipIf(!hasChromium)(name, tests);
}

export type SharedAdminBrowser = { stack: E2eStack; browser: Browser; sim: SimClient };

/**
 * The run's stack and Chromium (tests/setup/global-e2e-stack.ts), connected for the enclosing describe's tests. Other
 * files use them at the same time, so a test works on a shop it created; closing the connection closes its pages.
 */
export function sharedAdminBrowser(): SharedAdminBrowser {
  const stack = inject("e2eStack");
  const shared = { stack, sim: simClient(stack.simulatorUrl) } as SharedAdminBrowser;
  beforeAll(async () => {
    shared.browser = await chromium.connect(inject("chromiumEndpoint")!);
  });
  afterAll(() => shared.browser?.close());
  return shared;
}
