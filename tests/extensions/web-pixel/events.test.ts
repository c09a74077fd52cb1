import { describe, expect, it, vi } from "vitest";
import { SIGNED_IN_CUSTOMER, type DeliveredEvent } from "./create-pixel-host.ts";
import { ownPixelEvents, setUpPixelTests, startPixel } from "./pixel-harness.ts";

const pixel = await setUpPixelTests();
const own = ownPixelEvents();
const journey = ["page_viewed", "product_viewed", "search_submitted", "product_added_to_cart", "checkout_started", "checkout_completed"].map(
  (name) => own[name]!,
);
const customEvent = (name: string): DeliveredEvent => {
  const { clientId, seq, timestamp, context } = own.page_viewed!;
  return { id: `sh-custom-${name}`, clientId, name, seq, type: "custom", timestamp, context, customData: { list: "footer" } };
};

describe("web pixel events", () => {
  it("sends every event exactly as delivered", async () => {
    const { host, collector } = startPixel(pixel);
    host.emit(...journey);
    await vi.runAllTimersAsync();
    expect(collector.sentEvents()).toEqual(journey);
  });

  it("never adds the signed-in customer's id or email from init.data", async () => {
    const { host, collector } = startPixel(pixel);
    host.emit(...journey);
    await vi.runAllTimersAsync();
    for (const request of collector.requests) {
      expect(request.bodyText).not.toContain(SIGNED_IN_CUSTOMER.id);
      expect(request.bodyText).not.toContain(SIGNED_IN_CUSTOMER.email);
    }
    expect(Object.keys(collector.batches()[0]!.body).sort()).toEqual(["events", "token"]);
  });

  it("sends only the tracked events", async () => {
    const { host, collector } = startPixel(pixel, { config: { trackedEvents: ["product_viewed", "checkout_completed"] } });
    host.emit(...journey);
    await vi.runAllTimersAsync();
    expect(collector.sentEvents().map((event) => event.name)).toEqual(["product_viewed", "checkout_completed"]);
  });

  it("leaves custom events unsubscribed when no tracked name is custom", async () => {
    const { host, collector } = startPixel(pixel);
    host.emit(own.page_viewed!, customEvent("newsletter_signup"));
    await vi.runAllTimersAsync();
    expect(host.subscribedNames()).toEqual(["all_standard_events"]);
    expect(collector.sentEvents()).toEqual([own.page_viewed]);
  });

  it("subscribes to custom events once a tracked name is custom, and sends only the tracked ones", async () => {
    const { host, collector } = startPixel(pixel, { config: { trackedEvents: ["page_viewed", "newsletter_signup"] } });
    host.emit(own.page_viewed!);
    await vi.runAllTimersAsync();
    expect(host.subscribedNames()).toEqual(["all_standard_events", "all_custom_events"]);

    host.emit(customEvent("newsletter_signup"), customEvent("wishlist_added"));
    await vi.runAllTimersAsync();
    expect(collector.sentEvents()).toEqual([own.page_viewed, customEvent("newsletter_signup")]);
  });

  it("a sampled-out visitor sends no page, product or search events but still sends cart, checkout and purchase events", async () => {
    const { host, collector } = startPixel(pixel, { config: { samplingPercent: 0 } });
    host.emit(...journey);
    await vi.runAllTimersAsync();
    expect(collector.sentEvents().map((event) => event.name)).toEqual(["product_added_to_cart", "checkout_started", "checkout_completed"]);
  });

  it("never reaches for cookies, storage or sendBeacon", async () => {
    const { host } = startPixel(pixel);
    host.emit(...journey);
    await vi.runAllTimersAsync();
    expect(host.browserUses).toEqual([]);
  });
});
