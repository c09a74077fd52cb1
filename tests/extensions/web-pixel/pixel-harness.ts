import type { ExtensionApi } from "@shopify/web-pixels-extension";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runInThisContext } from "node:vm";
import { afterEach, beforeEach, vi } from "vitest";
import { buildPixel } from "../../../scripts/build-pixel.ts";
import { SHARED_FIXTURES_DIR } from "../../setup/load-shared-fixtures.ts";
import { createFakeCollector, type CollectorConfigInput } from "./create-fake-collector.ts";
import { createPixelHost, type DeliveredEvent, type PixelHostOptions } from "./create-pixel-host.ts";
import { REGISTERED_PIXEL } from "./web-pixels-extension-stand-in.ts";

export type RegisteredPixel = (api: ExtensionApi) => void;
export type StartPixelOptions = Partial<PixelHostOptions> & { config?: CollectorConfigInput };

const OWN_PIXEL_FIXTURES_DIR = fileURLToPath(new URL("../../fixtures/pixel", import.meta.url));
export const CAPTURED_PIXEL_FIXTURES_DIR = join(SHARED_FIXTURES_DIR, "rudderstack-captured/pixel");

/** The built bundle's register callback, with the Shopify host package swapped for the stand-in. */
async function loadPixel(): Promise<RegisteredPixel> {
  const standIn = fileURLToPath(new URL("./web-pixels-extension-stand-in.ts", import.meta.url));
  const { code } = await buildPixel({ alias: { "@shopify/web-pixels-extension": standIn }, write: false });
  runInThisContext(code);
  const registered = (globalThis as { [REGISTERED_PIXEL]?: RegisteredPixel })[REGISTERED_PIXEL];
  if (!registered) throw new Error("the pixel bundle did not call register()");
  return registered;
}

/** The built pixel for the calling test file, whose tests each run on fake timers and get the real `fetch` back after. */
export async function setUpPixelTests(): Promise<RegisteredPixel> {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });
  return loadPixel();
}

/** The project's own recorded Web Pixels events (tests/fixtures/pixel), keyed by name. */
export const ownPixelEvents = (): Record<string, DeliveredEvent> => readPixelFixtures(OWN_PIXEL_FIXTURES_DIR)!;

/** One page load: the pixel runs against a fresh host, with `fetch` answered by a fake collector. */
export function startPixel(pixel: RegisteredPixel, { analyticsAllowed = true, settings, config }: StartPixelOptions = {}) {
  const collector = createFakeCollector(config);
  vi.stubGlobal("fetch", collector.fetch);
  const host = createPixelHost({ analyticsAllowed, settings });
  pixel(host.api);
  return { host, collector };
}

/** Every `*.json` event in a folder keyed by file name, or null when the folder is absent. */
export function readPixelFixtures(dir: string): Record<string, DeliveredEvent> | null {
  let files: string[];
  try {
    files = readdirSync(dir).filter((file) => file.endsWith(".json"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  return Object.fromEntries(files.sort().map((file) => [file.replace(/\.json$/, ""), JSON.parse(readFileSync(join(dir, file), "utf8"))]));
}
