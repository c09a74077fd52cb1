import { describe, expect, it } from "vitest";
import { acquire, settle, type BucketState } from "../../../../durable-objects/cost-bucket.ts";
import { waitForBackfill } from "../../../helpers/backfill.ts";
import { adminJson, installShop, sim } from "../../../helpers/harness.ts";
import { adminContext } from "../../../helpers/service-context.ts";

const SMALL_BUCKET = { maximumAvailable: 50, restoreRate: 10 };

describe("one Admin API cost bucket per shop", () => {
  it("never lets two reservations spend the same points", () => {
    let state: BucketState = { max: 50, available: 50, restoreRate: 10, inFlight: 0, at: 0 };
    const first = acquire(state, 30, 0);
    state = first.state;
    const second = acquire(state, 30, 0);
    expect([first.waitMs, second.waitMs]).toEqual([0, 1000]);
    state = settle(second.state, { reserved: 30, actualCost: 12, throttleStatus: { maximumAvailable: 50, currentlyAvailable: 38, restoreRate: 10 } }, 0);
    expect(state.available).toBe(38);
    expect(acquire(state, 30, 0).waitMs).toBe(0);
  });

  it("waits out THROTTLED when the bucket shrank behind its back, then paces callers and a backfill: no call fails", { timeout: 60_000 }, async () => {
    const { shop, tenantId } = await installShop({ size: { products: 3, customers: 6, orders: 8, abandonedCheckouts: 2, days: 120 } });
    await waitForBackfill(shop);
    await sim().settings(shop, { throttle: SMALL_BUCKET, refillBucket: true });
    const throttled = async () => (await sim().state(shop)).throttledCalls;
    const query = `query ($n: Int!) { customers(first: $n) { nodes { id } } }`;

    // The DO still believes in the 2,000-point bucket it saw at install: ten calls of 10 points overrun 50.
    const burst = await Promise.all(Array.from({ length: 10 }, async () => (await adminContext(tenantId)).admin.request<unknown>(query, { n: 8 })));
    expect(burst.filter((result) => !result.ok)).toEqual([]);
    const afterBurst = await throttled();
    expect(afterBurst).toBeGreaterThan(0);

    const queued = await adminJson<{ job: { id: string } }>(shop, "/backfill", { method: "POST" });
    const caller = async (first: number) => {
      const { admin } = await adminContext(tenantId);
      const results = [];
      for (let i = 0; i < 4; i++) results.push(await admin.request<unknown>(query, { n: first }));
      return results;
    };
    const results = (await Promise.all([caller(8), caller(8), caller(5)])).flat();
    const done = await waitForBackfill(shop, (view) => view.job?.id === queued.job.id && !view.running, 40_000);
    expect(results.filter((result) => !result.ok)).toEqual([]);
    expect(done.job?.status).toBe("succeeded");
    // In sync, the shared bucket paces every caller: Shopify has no reason to throttle.
    expect((await throttled()) - afterBurst).toBe(0);
  });
});
