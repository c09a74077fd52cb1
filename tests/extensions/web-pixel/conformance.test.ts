import { describe, expect, it, vi } from "vitest";
import { STANDARD_EVENT_NAMES } from "./create-fake-collector.ts";
import { CAPTURED_PIXEL_FIXTURES_DIR, readPixelFixtures, setUpPixelTests, startPixel } from "./pixel-harness.ts";

const pixel = await setUpPixelTests();
const captured = readPixelFixtures(CAPTURED_PIXEL_FIXTURES_DIR);
// stderr rather than console: vitest's `silent: "passed-only"` would swallow a console line from a skipped file.
if (!captured) process.stderr.write(`SKIPPED: ${CAPTURED_PIXEL_FIXTURES_DIR} is absent, so the pixel is not run over real captured events.\n`);
const standard = Object.entries(captured ?? {}).filter(([, event]) => STANDARD_EVENT_NAMES.includes(event.name));
const CART_AND_CHECKOUT = /^(product_added_to_cart|product_removed_from_cart|cart_viewed|checkout_\w+|payment_info_submitted)$/;

describe.skipIf(!captured)("web pixel over events captured from a real store (../shared/fixtures, RudderStack)", () => {
  it.each(standard)("sends %s exactly as captured", async (_, event) => {
    const { host, collector } = startPixel(pixel);
    host.emit(event);
    await vi.runAllTimersAsync();
    expect(collector.handshakes()[0]!.body).toEqual({ publicKey: expect.any(String), clientId: event.clientId });
    expect(collector.sentEvents()).toEqual([event]);
  });

  it("ships the whole captured session in order and within the batch limits", async () => {
    const { host, collector } = startPixel(pixel, { config: { maxBatchEvents: 5 } });
    const events = standard.map(([, event]) => event);
    host.emit(...events);
    await vi.runAllTimersAsync();
    expect(collector.sentEvents()).toEqual(events);
    for (const batch of collector.batches()) expect(batch.body.events!.length).toBeLessThanOrEqual(5);
  });

  it("does not send the unknown_event capture, which no tracked list names", async () => {
    const { host, collector } = startPixel(pixel);
    host.emit(captured!.unknown_event!);
    await vi.runAllTimersAsync();
    expect(collector.batches()).toEqual([]);
  });

  it("keeps only the captured cart and checkout events for a sampled-out visitor", async () => {
    const { host, collector } = startPixel(pixel, { config: { samplingPercent: 0 } });
    const events = standard.map(([, event]) => event);
    host.emit(...events);
    await vi.runAllTimersAsync();
    expect(collector.sentEvents()).toEqual(events.filter((event) => CART_AND_CHECKOUT.test(event.name)));
    expect(collector.sentEvents().length).toBeGreaterThan(5);
  });
});
