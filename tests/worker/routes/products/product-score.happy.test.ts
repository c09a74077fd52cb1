import { describe, expect, it } from "vitest";
import type { GetProductScoreResponse } from "../../../../worker/routes/products/get-product-score.ts";
import { apiFetch } from "../../../helpers/api-fetch.ts";
import { adminJson, createSimShop } from "../../../helpers/harness.ts";
import { completeProduct } from "../../../helpers/product-payloads.ts";
import { seedWebhookProduct } from "../../../helpers/seed-products.ts";
import { seedTenant } from "../../../helpers/seed-tenant.ts";

const json = async (res: Response) => {
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as GetProductScoreResponse;
};

describe("/v1/products/:id/score", () => {
  it("answers an unscored product with a null score, then scores it on POST and answers the stored score", async () => {
    const tenant = await seedTenant();
    const product = await seedWebhookProduct(tenant.tenantId, completeProduct({ id: 7201, tags: "" }));
    expect(await json(await apiFetch(tenant.serverKey, `/products/${product.id}/score`))).toEqual({
      productId: product.id,
      shopifyProductId: "7201",
      title: "Merino wool crew socks",
      score: null,
      recommendations: [],
      scoredAt: null,
    });

    const scored = await json(await apiFetch(tenant.serverKey, "/products/7201/score", { method: "POST" }));
    expect(scored).toMatchObject({ productId: product.id, score: 98, recommendations: [{ code: "tags_missing", points: 2 }], scoredAt: expect.any(String) });
    for (const ref of [product.id, "7201", "gid://shopify/Product/7201"]) {
      expect(await json(await apiFetch(tenant.serverKey, `/products/${encodeURIComponent(ref)}/score`))).toEqual(scored);
    }
  });
});

describe("/admin/api/products/:id/score", () => {
  it("answers and rescores with the admin's session token", async () => {
    const shop = await createSimShop({ size: { products: 0, customers: 0, orders: 0, abandonedCheckouts: 0 } });
    const tenant = await seedTenant({ shop });
    await seedWebhookProduct(tenant.tenantId, completeProduct({ id: 7202, product_type: "" }));
    expect(await adminJson<GetProductScoreResponse>(shop, "/products/7202/score")).toMatchObject({ score: null });
    const scored = await adminJson<GetProductScoreResponse>(shop, "/products/7202/score", { method: "POST" });
    expect(scored).toMatchObject({ shopifyProductId: "7202", score: 97, recommendations: [{ code: "product_type_missing", points: 3 }] });
    expect(await adminJson<GetProductScoreResponse>(shop, "/products/7202/score")).toEqual(scored);
  });
});
