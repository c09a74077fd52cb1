import { describe, expect, it } from "vitest";
import type { CollectorConfig } from "../../../extensions/web-pixel/src/call-collector.ts";
import { isSampledIn, namesCustomEvent, selectEvent } from "../../../extensions/web-pixel/src/select-event.ts";
import { STANDARD_EVENT_NAMES } from "./create-fake-collector.ts";

const config = (samplingPercent: number): CollectorConfig => ({
  trackedEvents: STANDARD_EVENT_NAMES,
  samplingPercent,
  maxBatchEvents: 50,
  maxBatchBytes: 65_536,
  flushIntervalMs: 2_000,
});
const visitors = Array.from({ length: 10_000 }, (_, n) => `${n.toString(16).padStart(8, "0")}-4d8e-4b1a-9c55-2c61d0e4b7f3`);

describe("pixel event selection", () => {
  it("hashes the clientId with FNV-1a as docs/pixel.md states (bucket 32 for the documented id)", () => {
    expect(isSampledIn("0f3c2a9e-7b41-4d8e-9a55-2c61d0e4b7f3", 33)).toBe(true);
    expect(isSampledIn("0f3c2a9e-7b41-4d8e-9a55-2c61d0e4b7f3", 32)).toBe(false);
  });

  it("lets about samplingPercent of visitors in", () => {
    const share = visitors.filter((clientId) => isSampledIn(clientId, 25)).length / visitors.length;
    expect(share).toBeGreaterThan(0.23);
    expect(share).toBeLessThan(0.27);
  });

  it("keeps a visitor in or out for every page, product, collection and search event", () => {
    for (const clientId of visitors.slice(0, 200)) {
      const verdicts = ["page_viewed", "product_viewed", "collection_viewed", "search_submitted"].map((name) =>
        selectEvent({ name, clientId }, config(40)),
      );
      expect(new Set(verdicts).size).toBe(1);
    }
  });

  it.each([
    "product_added_to_cart",
    "product_removed_from_cart",
    "cart_viewed",
    "checkout_started",
    "checkout_contact_info_submitted",
    "checkout_address_info_submitted",
    "checkout_shipping_info_submitted",
    "payment_info_submitted",
    "checkout_completed",
  ])("never samples out %s", (name) => {
    expect(visitors.slice(0, 100).every((clientId) => selectEvent({ name, clientId }, config(0)))).toBe(true);
  });

  it("lets nobody in at 0 and everybody in at 100", () => {
    expect(visitors.some((clientId) => isSampledIn(clientId, 0))).toBe(false);
    expect(visitors.every((clientId) => isSampledIn(clientId, 100))).toBe(true);
  });

  it("tells custom event names from standard ones", () => {
    expect(namesCustomEvent(STANDARD_EVENT_NAMES)).toBe(false);
    expect(namesCustomEvent(["page_viewed", "newsletter_signup"])).toBe(true);
  });
});
