import { describe, expect, it } from "vitest";
import { installShop, sim } from "../../../helpers/harness.ts";
import { tenantCounts, waitForBackfill } from "../../../helpers/backfill.ts";
import { tenantDb } from "../../../helpers/tenant-db.ts";

describe("backfill of a simulator store", () => {
  it("imports the window's orders and checkouts and every customer and product, matching the store's own counts", async () => {
    const { shop, tenantId } = await installShop({ settings: { bulkChildrenFirst: true } });
    const view = await waitForBackfill(shop);
    expect(view.job?.status, JSON.stringify(view)).toBe("succeeded");
    const since = Object.fromEntries(view.resources.map((r) => [r.resource, r.since ?? "1970-01-01T00:00:00.000Z"]));
    const [orders, all, checkouts] = await Promise.all([sim().stats(shop, since.orders!), sim().stats(shop, since.customers!), sim().stats(shop, since.abandoned_checkouts!)]);
    const counts = await tenantCounts(tenantId);
    expect(counts).toMatchObject({
      orders: orders.orders,
      profiles: all.customers,
      products: all.products,
      abandonedCheckouts: checkouts.abandonedCheckouts,
      quarantined: 0,
    });
    // A generated store may have no abandoned checkout inside the window: an event name never stored has no count.
    const stored = (name: string) => counts.events[name] ?? 0;
    expect({ order_created: stored("order_created"), customer_created: stored("customer_created"), checkout_start: stored("checkout_start") }).toEqual({
      order_created: orders.orders,
      customer_created: all.customers,
      checkout_start: checkouts.abandonedCheckouts,
    });
    const paid = await (await tenantDb(tenantId)).prepare("select count(*) n from orders where tenant_id = ? and financial_status in ('paid','partially_refunded','refunded')").bind(tenantId).first<{ n: number }>();
    expect(counts.events.purchase).toBe(paid!.n);
  });

  it("scores every imported product's AI readability as soon as the backfill finishes", async () => {
    const { shop, tenantId } = await installShop();
    expect((await waitForBackfill(shop)).job?.status).toBe("succeeded");
    const scores = await (await tenantDb(tenantId)).prepare("select count(*) n, count(ai_score) scored, min(ai_score) low, max(ai_score) high from products where tenant_id = ?")
      .bind(tenantId)
      .first<{ n: number; scored: number; low: number; high: number }>();
    expect(scores!.n).toBeGreaterThan(0);
    expect(scores!.scored).toBe(scores!.n);
    expect(scores!.low).toBeGreaterThanOrEqual(0);
    expect(scores!.high).toBeLessThanOrEqual(100);
  });
});
