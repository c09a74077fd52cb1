import { beforeAll, describe, expect, it } from "vitest";
import type { CheckoutRecommendationsResponse } from "../../../../worker/routes/checkout/checkout-query.ts";
import { seedBuyingHabitsShop } from "../../../helpers/buying-habits-shop.ts";
import { checkoutFetch } from "../../../helpers/checkout-requests.ts";

const picks = (answer: CheckoutRecommendationsResponse) => answer.products.map((product) => `${product.productId}:${product.reason}`);

async function answer(shop: string, path: string, customerId?: string): Promise<CheckoutRecommendationsResponse> {
  const res = await checkoutFetch(shop, path, customerId ? { customerId } : {});
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as CheckoutRecommendationsResponse;
}

describe("GET /checkout/v1/thank-you", () => {
  let shop: string;
  beforeAll(async () => {
    ({ shop } = await seedBuyingHabitsShop());
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
    ({ shop } = await seedBuyingHabitsShop());
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
