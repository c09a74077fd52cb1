import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { namesCustomEvent, selectEvent } from "../../../extensions/web-pixel/src/select-event.ts";
import { PIXEL_CONSENT } from "../../../worker/services/pixel-settings/pixel-consent.ts";
import { PIXEL_EVENT_CATALOG } from "../../../worker/services/pixel-settings/pixel-event-catalog.ts";
import { STANDARD_EVENT_NAMES } from "./create-fake-collector.ts";

const config = (trackedEvents: string[]) => ({ trackedEvents, samplingPercent: 0, maxBatchEvents: 50, maxBatchBytes: 65_536, flushIntervalMs: 2_000 });

// The admin's Pixel page describes the pixel from the worker's catalog: it must say what the bundle does.
describe("the admin's pixel catalog against the pixel extension", () => {
  it("lists exactly the standard events the pixel treats as standard", () => {
    const names = PIXEL_EVENT_CATALOG.map((entry) => entry.name);
    expect(names.toSorted()).toEqual([...STANDARD_EVENT_NAMES].toSorted());
    expect(namesCustomEvent(names)).toBe(false);
  });

  it.each(PIXEL_EVENT_CATALOG.map((entry) => [entry.name, entry.neverSampled] as const))("marks %s never-sampled = %s, as the pixel's selection does at 0 %%", (name, neverSampled) => {
    expect(selectEvent({ name, clientId: "any-visitor" }, config([name]))).toBe(neverSampled);
  });

  it("declares the consent purposes of shopify.extension.toml", async () => {
    const toml = await readFile(new URL("../../../extensions/web-pixel/shopify.extension.toml", import.meta.url), "utf8");
    const section = toml.split("[customer_privacy]")[1]!.split("\n[")[0]!;
    const declared = [...section.matchAll(/^(\w+)\s*=\s*true\s*$/gm)].map((match) => match[1]);
    expect(declared).toEqual(PIXEL_CONSENT.purposes);
  });
});
