import { beforeAll, describe, expect, it } from "vitest";
import type { CheckoutRecommendationsResponse } from "../../../../worker/routes/checkout/checkout-query.ts";
import { refreshRecommendations } from "../../../../worker/services/recommendations/refresh-recommendations.ts";
import { checkoutFetch } from "../../../helpers/checkout-requests.ts";
import { seedProfiles } from "../../../helpers/seed-profiles.ts";
import { seedCatalog, seedOrders, seedSegmentWithMembers } from "../../../helpers/seed-storefront.ts";
import { tenantContextOf } from "../../../helpers/service-context.ts";
import { storefrontTenant } from "../../../helpers/storefront-requests.ts";

const NOW = Date.now();
const picks = (answer: CheckoutRecommendationsResponse) => answer.products.map((product) => `${product.productId}:${product.reason}`);

/**
 * The demo store's shape in small: everyone buys 101 most, 101 is bought with 102, and the VIP segment's member
 * (customer 5001) buys 301, which nobody else does. Customer 5002 placed order 9002 (101 + 102).
 */
async function shopWithHabits() {
  const tenant = await storefrontTenant();
  await seedCatalog(tenant.tenantId, ["101", "102", "103", "301", "401"].map((productId) => ({ productId, title: `Product ${productId}`, handle: `p-${productId}` })));
  const [vip, other] = await seedProfiles(tenant.tenantId, [{ customerId: "5001" }, { customerId: "5002" }]);
  await seedOrders(tenant.tenantId, [
    { orderId: "9001", productIds: ["101", "102"], orderedAt: NOW - 3000, profileId: other!, customerId: "5002" },
    { orderId: "9002", productIds: ["101", "102"], orderedAt: NOW - 2000, profileId: other!, customerId: "5002" },
    { orderId: "9003", productIds: ["101", "103"], orderedAt: NOW - 2000, profileId: other!, customerId: "5002" },
    { orderId: "9004", productIds: ["101"], orderedAt: NOW - 1000, profileId: other!, customerId: "5002" },
    { orderId: "9005", productIds: ["301"], orderedAt: NOW - 1000, profileId: vip!, customerId: "5001" },
  ]);
  await seedSegmentWithMembers(tenant.tenantId, "vip", [vip!]);
  await refreshRecommendations({ ctx: await tenantContextOf(tenant.tenantId), input: { now: new Date(NOW) } });
  return tenant;
}

async function answer(shop: string, path: string, customerId?: string): Promise<CheckoutRecommendationsResponse> {
  const res = await checkoutFetch(shop, path, customerId ? { customerId } : {});
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as CheckoutRecommendationsResponse;
}

describe("GET /checkout/v1/thank-you", () => {
  let shop: string;
  beforeAll(async () => {
    ({ shop } = await shopWithHabits());
  });

  it("recommends first what is bought together with the order's lines, never the lines themselves", async () => {
    const result = await answer(shop, "/thank-you?product_ids=gid://shopify/Product/101&limit=3");
    expect(picks(result)[0]).toBe("102:bought_together");
    expect(result.products.map((p) => p.productId)).not.toContain("101");
    expect(result.products[0]).toEqual({ productId: "102", title: "Product 102", handle: "p-102", imageUrl: "https://cdn.example/102.png", reason: "bought_together" });
    expect(result.personalised).toBe(false);
  });

  it("personalises for a buyer in a segment: what their segment buys comes before best sellers", async () => {
    const result = await answer(shop, "/thank-you?product_ids=401&order_id=gid://shopify/Order/777", "5001");
    expect(result.personalised).toBe(true);
    expect(picks(result)[0]).toBe("301:popular_in_segment");
  });

  it("gives a guest with no known lines the shop's best sellers", async () => {
    const result = await answer(shop, "/thank-you");
    expect(picks(result)[0]).toBe("101:best_seller");
    expect(result.products).toHaveLength(4);
  });

  it("answers bad input with the error envelope", async () => {
    for (const query of ["?product_ids=gid://shopify/Customer/1", "?limit=99", "?order_id=abc", `?product_ids=${Array.from({ length: 51 }, (_, i) => i).join(",")}`]) {
      const res = await checkoutFetch(shop, `/thank-you${query}`);
      expect(res.status, query).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("validation_failed");
    }
  });
});

describe("GET /checkout/v1/order-status", () => {
  let shop: string;
  beforeAll(async () => {
    ({ shop } = await shopWithHabits());
  });

  it("reads the signed-in customer's own order and recommends from its lines", async () => {
    const result = await answer(shop, "/order-status?order_id=gid://shopify/Order/9003", "5002");
    expect(result.personalised).toBe(true);
    expect(result.products.map((p) => p.productId)).not.toContain("101");
    expect(result.products.map((p) => p.productId)).not.toContain("103");
    expect(picks(result)[0]).toBe("102:bought_together");
  });

  it("answers 404 for another customer's order, so an order id reveals nothing", async () => {
    const res = await checkoutFetch(shop, "/order-status?order_id=9003", { customerId: "5001" });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });

  it("falls back to the page's lines for an order SegOps has not received yet", async () => {
    const result = await answer(shop, "/order-status?order_id=123456&product_ids=101", "5002");
    expect(picks(result)[0]).toBe("102:bought_together");
  });

  it("needs the order id", async () => {
    const res = await checkoutFetch(shop, "/order-status?product_ids=101");
    expect(res.status).toBe(400);
  });
});
