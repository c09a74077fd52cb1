import { describe, expect, it, vi } from "vitest";
import { ownPixelEvents, setUpPixelTests, startPixel } from "./pixel-harness.ts";

const pixel = await setUpPixelTests();
const own = ownPixelEvents();

describe("web pixel consent", () => {
  it("sends nothing, not even the handshake, without analytics consent", async () => {
    const { host, collector } = startPixel(pixel, { analyticsAllowed: false });
    host.emit(...Object.values(own));
    await vi.runAllTimersAsync();
    expect(collector.requests).toEqual([]);
  });

  it("starts sending from the moment consent is given mid-session", async () => {
    const { host, collector } = startPixel(pixel, { analyticsAllowed: false });
    host.emit(own.page_viewed!);
    host.collectConsent(true);
    host.emit(own.product_viewed!, own.product_added_to_cart!);
    await vi.runAllTimersAsync();
    expect(collector.handshakes()).toHaveLength(1);
    expect(collector.sentEvents()).toEqual([own.product_viewed, own.product_added_to_cart]);
  });

  it("drops queued events and sends nothing more once consent is withdrawn", async () => {
    const { host, collector } = startPixel(pixel);
    host.emit(own.page_viewed!, own.product_viewed!);
    await vi.advanceTimersByTimeAsync(500);
    expect(collector.handshakes()).toHaveLength(1);

    host.collectConsent(false);
    host.emit(own.product_added_to_cart!, own.checkout_completed!);
    await vi.runAllTimersAsync();
    expect(collector.batches()).toEqual([]);
  });

  it("does not resend a rate-limited batch after consent is withdrawn", async () => {
    const { host, collector } = startPixel(pixel);
    collector.answerNext("events", { status: 429, headers: { "Retry-After": "10" } });
    host.emit(own.page_viewed!, own.checkout_completed!);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(collector.batches()).toHaveLength(1);

    host.collectConsent(false);
    await vi.runAllTimersAsync();
    expect(collector.batches()).toHaveLength(1);
  });

  it("sends again, from then on, when consent comes back, never the events queued before the withdrawal", async () => {
    const { host, collector } = startPixel(pixel);
    host.emit(own.page_viewed!);
    await vi.advanceTimersByTimeAsync(500);
    host.collectConsent(false);
    host.emit(own.product_viewed!);
    host.collectConsent(true);
    host.emit(own.search_submitted!);
    await vi.runAllTimersAsync();
    expect(collector.sentEvents()).toEqual([own.search_submitted]);
  });
});
