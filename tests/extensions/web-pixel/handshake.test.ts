import { describe, expect, it, vi } from "vitest";
import { handshakeAnswer, type CollectorAnswer } from "./create-fake-collector.ts";
import { PIXEL_SETTINGS } from "./create-pixel-host.ts";
import { ownPixelEvents, setUpPixelTests, startPixel } from "./pixel-harness.ts";

const pixel = await setUpPixelTests();
const own = ownPixelEvents();

describe("web pixel handshake", () => {
  it("handshakes once, carrying the public key and the client id only", async () => {
    const { host, collector } = startPixel(pixel);
    host.emit(own.page_viewed!, own.product_viewed!);
    await vi.runAllTimersAsync();
    host.emit(own.search_submitted!);
    await vi.runAllTimersAsync();

    expect(collector.handshakes()).toHaveLength(1);
    const [handshake] = collector.handshakes();
    expect(handshake!.url).toBe("https://app.example/pixel/v1/handshake");
    expect(handshake!.body).toEqual({ publicKey: PIXEL_SETTINGS.publicKey, clientId: own.page_viewed!.clientId });
  });

  it("joins the collector URL without a double slash when the setting ends with one", async () => {
    const { host, collector } = startPixel(pixel, { settings: { ...PIXEL_SETTINGS, collectorUrl: "https://app.example/" } });
    host.emit(own.page_viewed!);
    await vi.runAllTimersAsync();
    expect(collector.requests.map((request) => request.url)).toEqual([
      "https://app.example/pixel/v1/handshake",
      "https://app.example/pixel/v1/events",
    ]);
  });

  it("stays silent when the pixel settings lack a public key", async () => {
    const { host, collector } = startPixel(pixel, { settings: { collectorUrl: "https://app.example" } });
    host.emit(own.page_viewed!);
    await vi.runAllTimersAsync();
    expect(collector.requests).toEqual([]);
  });

  it.each([401, 403])("stops for the session when the handshake answers %i (key invalid or revoked)", async (status) => {
    const { host, collector } = startPixel(pixel);
    collector.answerNext("handshake", { status });
    host.emit(own.page_viewed!, own.checkout_completed!);
    await vi.runAllTimersAsync();
    host.emit(own.product_viewed!);
    await vi.runAllTimersAsync();
    expect(collector.handshakes()).toHaveLength(1);
    expect(collector.batches()).toEqual([]);
  });

  it("retries a failed handshake once, then stops for the session", async () => {
    const { host, collector } = startPixel(pixel);
    collector.answerNext("handshake", { status: 503 }, "network-error");
    host.emit(own.page_viewed!);
    await vi.runAllTimersAsync();
    host.emit(own.product_viewed!);
    await vi.runAllTimersAsync();
    expect(collector.handshakes()).toHaveLength(2);
    expect(collector.batches()).toEqual([]);
  });

  it("queues events that arrive before the handshake answers, then filters them by its config", async () => {
    const { host, collector } = startPixel(pixel);
    let answer: (value: CollectorAnswer) => void = () => {};
    collector.answerNext("handshake", new Promise<CollectorAnswer>((resolve) => (answer = resolve)));
    host.emit(own.page_viewed!, own.product_viewed!, own.search_submitted!, own.checkout_started!);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(collector.batches()).toEqual([]);

    answer(handshakeAnswer({ token: "ptk_late", config: { trackedEvents: ["page_viewed", "checkout_started"] } }));
    await vi.runAllTimersAsync();
    expect(collector.sentEvents()).toEqual([own.page_viewed, own.checkout_started]);
    expect(collector.batches()[0]!.body.token).toBe("ptk_late");
  });

  it("handshakes again once the token's expiresAt has passed", async () => {
    const { host, collector } = startPixel(pixel);
    collector.answerNext("handshake", handshakeAnswer({ token: "ptk_short", ttlMs: 60_000 }));
    host.emit(own.page_viewed!);
    await vi.runAllTimersAsync();
    await vi.advanceTimersByTimeAsync(61_000);
    host.emit(own.product_viewed!);
    await vi.runAllTimersAsync();

    expect(collector.handshakes()).toHaveLength(2);
    expect(collector.batches().map((batch) => batch.body.token)).toEqual(["ptk_short", "ptk_1"]);
  });
});
