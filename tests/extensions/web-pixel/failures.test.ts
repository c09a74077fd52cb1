import { describe, expect, it, vi } from "vitest";
import type { CollectorAnswer } from "./create-fake-collector.ts";
import { ownPixelEvents, setUpPixelTests, startPixel } from "./pixel-harness.ts";

const pixel = await setUpPixelTests();
const own = ownPixelEvents();

describe("web pixel delivery failures", () => {
  it("re-handshakes once on 401 and resends the batch with the new token", async () => {
    const { host, collector } = startPixel(pixel);
    collector.answerNext("events", { status: 401 });
    host.emit(own.page_viewed!, own.checkout_completed!);
    await vi.runAllTimersAsync();

    expect(collector.handshakes()).toHaveLength(2);
    expect(collector.batches().map((batch) => batch.body.token)).toEqual(["ptk_1", "ptk_2"]);
    expect(collector.batches()[1]!.body.events).toEqual([own.page_viewed, own.checkout_completed]);
  });

  it("drops the batch when the resend after the re-handshake is refused again, without looping", async () => {
    const { host, collector } = startPixel(pixel);
    collector.answerNext("events", { status: 401 }, { status: 401 });
    host.emit(own.page_viewed!);
    await vi.runAllTimersAsync();
    expect(collector.handshakes()).toHaveLength(2);
    expect(collector.batches()).toHaveLength(2);

    host.emit(own.product_viewed!);
    await vi.runAllTimersAsync();
    expect(collector.batches()).toHaveLength(3);
    expect(collector.batches()[2]!.body.events).toEqual([own.product_viewed]);
  });

  it("waits Retry-After seconds on 429 before resending", async () => {
    const { host, collector } = startPixel(pixel);
    collector.answerNext("events", { status: 429, headers: { "Retry-After": "7" } });
    host.emit(own.checkout_completed!);
    await vi.advanceTimersByTimeAsync(0);
    expect(collector.batches()).toHaveLength(1);

    await vi.advanceTimersByTimeAsync(6_999);
    expect(collector.batches()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(collector.batches()).toHaveLength(2);
    expect(collector.batches()[1]!.body.events).toEqual([own.checkout_completed]);
  });

  it.each<[string, CollectorAnswer]>([
    ["a 503", { status: 503 }],
    ["a network error", "network-error"],
  ])("drops a batch after one failed retry on %s, and keeps sending later events", async (_, failure) => {
    const { host, collector } = startPixel(pixel);
    collector.answerNext("events", failure, failure);
    host.emit(own.page_viewed!);
    await vi.runAllTimersAsync();
    expect(collector.batches()).toHaveLength(2);

    host.emit(own.product_viewed!);
    await vi.runAllTimersAsync();
    expect(collector.batches().map((batch) => batch.body.events)).toEqual([[own.page_viewed], [own.page_viewed], [own.product_viewed]]);
  });

  it("does not resend a batch the collector rejects as malformed (400)", async () => {
    const { host, collector } = startPixel(pixel);
    collector.answerNext("events", { status: 400 });
    host.emit(own.page_viewed!);
    await vi.runAllTimersAsync();
    expect(collector.batches()).toHaveLength(1);
  });

  it("stops at once when the events endpoint answers 403 (key revoked)", async () => {
    const { host, collector } = startPixel(pixel);
    collector.answerNext("events", { status: 403 });
    host.emit(own.page_viewed!);
    await vi.runAllTimersAsync();
    host.emit(own.product_added_to_cart!, own.checkout_completed!);
    await vi.runAllTimersAsync();
    expect(collector.requests.map((request) => request.kind)).toEqual(["handshake", "events"]);
  });
});
