import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { startDevStack, type DevStack } from "../../scripts/dev/start-stack.ts";

/** Debian's chromium, as CI installs it; CHROMIUM_PATH points elsewhere. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const HAS_CHROMIUM = existsSync(CHROMIUM);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export type AdminBrowser = { stack: DevStack; browser: Browser; close(): Promise<void> };

/** The real local stack (simulator + wrangler dev on free ports, state in a temp dir) and a headless Chromium. */
export async function startAdminBrowser(): Promise<AdminBrowser> {
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

/** The simulator's admin page for `shop`, where Shopify admin would show the app. */
export function adminUrl(stack: DevStack, shop: string): string {
  return `${stack.simulatorUrl}/store/${shop.replace(".myshopify.com", "")}/apps/segops`;
}
