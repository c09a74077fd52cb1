import { describe, expect, it, vi } from "vitest";
import type { DeliveredEvent } from "./create-pixel-host.ts";
import { ownPixelEvents, setUpPixelTests, startPixel } from "./pixel-harness.ts";

const pixel = await setUpPixelTests();
const own = ownPixelEvents();
const pageViews = (count: number): DeliveredEvent[] =>
  Array.from({ length: count }, (_, seq) => ({ ...own.page_viewed!, id: `sh-page-${seq}`, seq }));
const withTitleOfBytes = (event: DeliveredEvent, bytes: number, id: string): DeliveredEvent => {
  const copy = structuredClone(event);
  (copy.context as { document: { title: string } }).document.title = "é".repeat(bytes / 2);
  return { ...copy, id };
};
const bodyBytes = (text: string) => Buffer.byteLength(text, "utf8");
const ofExactBytes = (event: DeliveredEvent, bytes: number, id: string): DeliveredEvent => {
  const copy = withTitleOfBytes(event, 0, id);
  (copy.context as { document: { title: string } }).document.title = "x".repeat(bytes - bodyBytes(JSON.stringify(copy)));
  return copy;
};

describe("web pixel batching", () => {
  it("never puts more than 50 events in one request", async () => {
    const { host, collector } = startPixel(pixel);
    const events = pageViews(120);
    host.emit(...events);
    await vi.runAllTimersAsync();
    expect(collector.batches().map((batch) => batch.body.events!.length)).toEqual([50, 50, 20]);
    expect(collector.sentEvents()).toEqual(events);
  });

  it("keeps every request body within 64 KB, counted in UTF-8 bytes", async () => {
    const { host, collector } = startPixel(pixel);
    const events = Array.from({ length: 30 }, (_, n) => withTitleOfBytes(own.product_viewed!, 9_000, `sh-big-${n}`));
    host.emit(...events);
    await vi.runAllTimersAsync();
    expect(collector.batches().length).toBeGreaterThan(4);
    for (const batch of collector.batches()) expect(bodyBytes(batch.bodyText)).toBeLessThanOrEqual(65_536);
    expect(collector.sentEvents()).toEqual(events);
  });

  it("counts the token and the envelope within the 64 KB", async () => {
    const { host, collector } = startPixel(pixel);
    const pair = [ofExactBytes(own.page_viewed!, 32_756, "sh-half-1"), ofExactBytes(own.page_viewed!, 32_756, "sh-half-2")];
    expect(bodyBytes(JSON.stringify(pair))).toBe(65_515);
    host.emit(...pair);
    await vi.runAllTimersAsync();
    expect(collector.batches()).toHaveLength(2);
    for (const batch of collector.batches()) expect(bodyBytes(batch.bodyText)).toBeLessThanOrEqual(65_536);
  });

  it("honours smaller limits from the handshake config", async () => {
    const { host, collector } = startPixel(pixel, { config: { maxBatchEvents: 4, maxBatchBytes: 12_000 } });
    host.emit(...pageViews(10));
    await vi.runAllTimersAsync();
    for (const batch of collector.batches()) {
      expect(batch.body.events!.length).toBeLessThanOrEqual(4);
      expect(bodyBytes(batch.bodyText)).toBeLessThanOrEqual(12_000);
    }
    expect(collector.sentEvents()).toHaveLength(10);
  });

  it("drops an event too large for any request instead of sending it", async () => {
    const { host, collector } = startPixel(pixel);
    const huge = withTitleOfBytes(own.page_viewed!, 70_000, "sh-huge");
    host.emit(own.product_viewed!, huge, own.search_submitted!);
    await vi.runAllTimersAsync();
    expect(collector.sentEvents()).toEqual([own.product_viewed, own.search_submitted]);
  });

  it("flushes queued events when flushIntervalMs elapses", async () => {
    const { host, collector } = startPixel(pixel, { config: { flushIntervalMs: 5_000 } });
    host.emit(own.page_viewed!, own.product_viewed!);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(collector.batches()).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(collector.sentEvents()).toEqual([own.page_viewed, own.product_viewed]);
  });

  it("flushes at once on checkout_completed", async () => {
    const { host, collector } = startPixel(pixel, { config: { flushIntervalMs: 60_000 } });
    host.emit(own.page_viewed!);
    await vi.advanceTimersByTimeAsync(0);
    expect(collector.batches()).toEqual([]);

    host.emit(own.checkout_completed!);
    await vi.advanceTimersByTimeAsync(0);
    expect(collector.sentEvents()).toEqual([own.page_viewed, own.checkout_completed]);
  });

  it("sends every request CORS-simple: POST, text/plain, keepalive, no other header", async () => {
    const { host, collector } = startPixel(pixel);
    host.emit(own.page_viewed!, own.checkout_completed!);
    await vi.runAllTimersAsync();
    expect(collector.requests.map((request) => request.kind)).toEqual(["handshake", "events"]);
    for (const { init } of collector.requests) {
      expect(init).toEqual({
        method: "POST",
        keepalive: true,
        headers: { "Content-Type": "text/plain;charset=UTF-8" },
        body: expect.any(String),
      });
    }
  });
});
