import { describe, expect, it } from "vitest";
import { createSimulator, DEMO_SIZE } from "../../simulator/index.ts";
import { APP, FIXED_NOW, PUBSUB } from "./harness.ts";

const sim = () => createSimulator({ app: APP, pubsub: PUBSUB, delivery: "outbox" });

describe("seeded store", () => {
  it("generates an identical store from the same seed", () => {
    const a = sim().store.createShop({ shop: "same.myshopify.com", seed: 7, now: FIXED_NOW, size: { orders: 800, customers: 200 } });
    const b = sim().store.createShop({ shop: "same.myshopify.com", seed: 7, now: FIXED_NOW, size: { orders: 800, customers: 200 } });
    expect(JSON.stringify([a.customers, a.orders, a.products, a.variants, a.checkouts])).toBe(JSON.stringify([b.customers, b.orders, b.products, b.variants, b.checkouts]));
  });

  it("generates a different store from another seed", () => {
    const a = sim().store.createShop({ seed: 1, now: FIXED_NOW, size: { orders: 100, customers: 50 } });
    const b = sim().store.createShop({ seed: 2, now: FIXED_NOW, size: { orders: 100, customers: 50 } });
    expect(a.customers.map((c) => c.email)).not.toEqual(b.customers.map((c) => c.email));
  });

  it("builds the default demo store over the last 120 days", () => {
    const shop = sim().store.createShop({ seed: "demo", now: FIXED_NOW });
    expect(DEMO_SIZE).toEqual({ products: 200, customers: 2000, orders: 6000, days: 120, abandonedCheckouts: 600 });
    expect([shop.products.length, shop.customers.length, shop.orders.length, shop.checkouts.length]).toEqual([200, 2000, 6000, 600]);
    const now = Date.parse(FIXED_NOW);
    expect(Math.min(...shop.orders.map((o) => o.createdAt))).toBeGreaterThanOrEqual(now - 120 * 86_400_000);
    expect(Math.max(...shop.orders.map((o) => o.createdAt))).toBeLessThanOrEqual(now);
  });

  it("varies customers, orders and products the way a real store does", () => {
    const shop = sim().store.createShop({ seed: "variety", now: FIXED_NOW });
    expect(new Set(shop.customers.map((c) => c.country)).size).toBeGreaterThanOrEqual(9);
    expect(new Set(shop.customers.map((c) => c.marketingState))).toEqual(new Set(["SUBSCRIBED", "NOT_SUBSCRIBED", "UNSUBSCRIBED"]));
    const orderCounts = shop.customers.map((c) => c.orders.length);
    expect(orderCounts.filter((n) => n === 1).length).toBeGreaterThan(100);
    expect(orderCounts.filter((n) => n >= 5).length).toBeGreaterThan(50);
    expect(shop.orders.some((o) => o.cancelledAt !== null)).toBe(true);
    expect(shop.orders.some((o) => o.financial === "PARTIALLY_REFUNDED")).toBe(true);
    expect(shop.orders.some((o) => o.financial === "REFUNDED")).toBe(true);
    const images = shop.products.flatMap((p) => p.images);
    expect(images.some((i) => i.alt === null) && images.some((i) => i.alt !== null)).toBe(true);
    expect(shop.products.some((p) => p.vendor === null) && shop.products.some((p) => p.seoTitle === null)).toBe(true);
    expect(shop.products.some((p) => p.bodyHtml === "") && shop.products.some((p) => p.bodyHtml.includes("<h2>"))).toBe(true);
    expect(shop.variants.some((v) => v.barcode !== null) && shop.variants.some((v) => v.barcode === null)).toBe(true);
  });

  it("uses realistic numeric ids below 2^53", () => {
    const shop = sim().store.createShop({ seed: "ids", now: FIXED_NOW, size: { orders: 500, customers: 100 } });
    for (const id of [shop.orders[0]!.id, shop.customers[0]!.id, shop.products[0]!.id, shop.variants[0]!.id, shop.checkouts[0]!.id]) {
      expect(id).toMatch(/^\d{13}$/);
      expect(Number(id)).toBeLessThan(Number.MAX_SAFE_INTEGER);
    }
  });

  it("generates a 100,000-order store", () => {
    const shop = sim().store.createShop({ seed: "big", size: { orders: 100_000, customers: 20_000, products: 500, abandonedCheckouts: 5_000 } });
    expect(shop.orders.length).toBe(100_000);
    expect(shop.customers.reduce((sum, c) => sum + c.orders.length, 0)).toBe(shop.orders.filter((o) => o.customer >= 0).length);
  });
});
