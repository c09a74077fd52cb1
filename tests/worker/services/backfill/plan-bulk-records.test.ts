import { describe, expect, it } from "vitest";
import { joinBulkLines } from "../../../../worker/services/backfill/join-bulk-lines.ts";
import { planBulkRecords, type BulkPlanContext } from "../../../../worker/services/backfill/plan-bulk-records.ts";
import { readRecoveryUrl } from "../../../../worker/services/backfill/read-recovery-url.ts";
import { readProductFact } from "../../../../worker/services/ingest/read-product-fact.ts";
import checkoutsText from "../../../fixtures/backfill/abandoned-checkouts.jsonl?raw";
import ordersText from "../../../fixtures/backfill/orders-children-first.jsonl?raw";
import productsText from "../../../fixtures/backfill/products.jsonl?raw";

const ctx = (knownCheckoutTokens = new Map<string, string>()): BulkPlanContext => ({
  tenantId: "ten_plan",
  source: "backfill",
  receivedAt: Date.parse("2026-11-01T00:00:00Z"),
  triggeredAt: null,
  knownCheckoutTokens,
});

const roots = (text: string) => joinBulkLines(text.split(/\r?\n/).filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>)).roots;

describe("planning backfilled records", () => {
  it("gives orders the webhook's business keys: one order_created each, purchase only when paid, cancellations", () => {
    const { plan, planned, skipped } = planBulkRecords("orders", ctx(), roots(ordersText));
    expect([planned, skipped]).toEqual([3, 0]);
    expect(plan.events.map((e) => e.dedupKey).sort()).toEqual([
      "order_cancelled:1003",
      "order_created:1001",
      "order_created:1002",
      "order_created:1003",
      "purchase:1001",
      "purchase:1003",
    ]);
    expect(new Set(plan.events.map((e) => e.source))).toEqual(new Set(["backfill"]));
    const order = plan.orders.find((o) => o.orderId === "1001")!;
    expect(order).toMatchObject({ customerId: "501", currency: "EUR", totalPrice: 120.5, financialStatus: "paid", orderedAt: Date.parse("2026-10-01T12:00:00Z") });
    expect(order.lineItems).toEqual([
      { lineItemId: "11", productId: "1100", variantId: "110", sku: "SKU-11", title: "Café crème ☕", quantity: 2, price: 25 },
      { lineItemId: "12", productId: "1200", variantId: "120", sku: "SKU-12", title: "Thé vert 🍵", quantity: 1, price: 50 },
    ]);
    expect(plan.events.find((e) => e.dedupKey === "order_cancelled:1003")!.properties).toMatchObject({ cancelReason: "customer" });
  });

  it("spells customers the way their webhooks do (lower-case e-mail and state, upper-case consent and country)", () => {
    const { plan } = planBulkRecords("orders", ctx(), roots(ordersText));
    expect(plan.customers.find((c) => c.customerId === "501")).toMatchObject({
      email: "zoe@example.com",
      state: "enabled",
      countryCode: "SE",
      emailMarketingState: "SUBSCRIBED",
      tags: ["vip", "wholesale"],
    });
    expect(plan.links).toContainEqual(expect.objectContaining({ kind: "email", value: "zoe@example.com", customerId: "501" }));
  });

  it("reads a product into the same catalog row shape as products/update", () => {
    const { plan, planned } = planBulkRecords("products", ctx(), roots(productsText));
    expect(planned).toBe(1);
    const product = plan.products[0]!;
    expect(product).toMatchObject({ productId: "3", title: 'Tee "Classic"', status: "active", priceMin: 19, priceMax: 21.5, inventoryTotal: 10, tags: ["summer"] });
    const webhook = readProductFact({
      id: 3,
      title: 'Tee "Classic"',
      body_html: "<p>Soft</p>",
      variants: [{ id: 31, title: "Small", sku: "T-S", price: "19.00", inventory_quantity: 4, position: 1 }],
      images: [{ id: 77, src: "https://cdn.shopify.com/s/files/tee.png", alt: "A tee", position: 1 }],
      options: [{ name: "Size", values: ["Small", "Large"] }],
    });
    expect(webhook.ok).toBe(true);
    if (!webhook.ok) return;
    const keys = (data: Record<string, unknown>, list: string) => Object.keys((data[list] as Record<string, unknown>[])[0]!).sort();
    expect(keys(product.data, "variants")).toEqual(keys(webhook.value.data, "variants"));
    expect(keys(product.data, "images")).toEqual(keys(webhook.value.data, "images"));
    expect((product.data.images as unknown[])[0]).toEqual((webhook.value.data.images as unknown[])[0]);
  });

  it("keys abandoned checkouts by the token a webhook stored, else by the recovery URL", () => {
    const known = new Map([["42", "token-from-webhook"]]);
    const { plan, planned } = planBulkRecords("abandoned_checkouts", ctx(known), roots(checkoutsText));
    expect(planned).toBe(2);
    expect(plan.events.map((e) => e.dedupKey).sort()).toEqual(["checkout_start:tok41", "checkout_start:token-from-webhook"]);
    expect(plan.checkouts.find((c) => c.token === "tok41")).toMatchObject({ cartToken: "Z2NwLXVzLWVhc3Qx", checkoutId: "41", totalPrice: 30 });
  });

  it("understands both recovery URL shapes", () => {
    expect(readRecoveryUrl("https://s.example/1/checkouts/ac/CART/recover?key=K&locale=en")).toEqual({ token: "K", cartToken: "CART" });
    expect(readRecoveryUrl("https://checkout.local/548380009/checkouts/123123123/recover?key=secret")).toEqual({ token: "123123123", cartToken: null });
    expect(readRecoveryUrl("not a url")).toEqual({ token: null, cartToken: null });
  });

  it("reads a guest order (no customer key) as an order without a profile", () => {
    const [order] = roots(ordersText);
    const { customer: _customer, ...guest } = order!.value;
    const { plan, planned } = planBulkRecords("orders", ctx(), [{ ...order!, value: guest }]);
    expect(planned).toBe(1);
    expect(plan.customers).toEqual([]);
    expect(plan.orders[0]).toMatchObject({ orderId: "1001", customerId: null });
  });

  it("quarantines a record it cannot read, with the reason, and plans the rest", () => {
    const broken = [{ value: { id: "gid://shopify/Order/5", totalPriceSet: "lots" }, children: {} }, ...roots(ordersText)];
    const { plan, planned, skipped } = planBulkRecords("orders", ctx(), broken);
    expect([planned, skipped]).toEqual([3, 1]);
    expect(plan.quarantine).toEqual([expect.objectContaining({ source: "backfill", topic: "backfill/orders", reason: expect.stringContaining("totalPriceSet") })]);
  });
});
