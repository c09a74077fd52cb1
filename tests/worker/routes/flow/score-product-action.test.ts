import { describe, expect, it } from "vitest";
import { actionBody, flowPost } from "../../../helpers/flow-requests.ts";
import { completeProduct } from "../../../helpers/product-payloads.ts";
import { seedWebhookProduct, storedScore } from "../../../helpers/seed-products.ts";
import { seedTenant } from "../../../helpers/seed-tenant.ts";
import { tenantDb } from "../../../helpers/tenant-db.ts";

const HANDLE = "segops-score-product";
const scoreAction = (shop: string, properties: Record<string, unknown>, runId?: ReturnType<typeof crypto.randomUUID>) => flowPost(`/actions/${HANDLE}`, actionBody(shop, HANDLE, properties, runId));

describe("POST /flow/actions/segops-score-product", () => {
  it("scores the product, stores the score and answers it with the recommendations", async () => {
    const tenant = await seedTenant();
    const product = await seedWebhookProduct(tenant.tenantId, completeProduct({ id: 7101, vendor: null }));
    const res = await scoreAction(tenant.shop, { product_id: 7101 });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ productId: "7101", score: 98, recommendations: [{ code: "vendor_missing", message: expect.any(String), points: 2 }] });
    expect(await storedScore(tenant.tenantId, product.id)).toMatchObject({ score: 98 });
  });

  it("takes the product as a GID too", async () => {
    const tenant = await seedTenant();
    await seedWebhookProduct(tenant.tenantId, completeProduct({ id: 7102 }));
    const res = await scoreAction(tenant.shop, { product_id: "gid://shopify/Product/7102" });
    expect(await res.json()).toMatchObject({ productId: "7102", score: 100, recommendations: [] });
  });

  it("scores once per action_run_id: a redelivery gets the first answer and stores nothing new", async () => {
    const tenant = await seedTenant();
    const product = await seedWebhookProduct(tenant.tenantId, completeProduct({ id: 7103 }));
    const runId = crypto.randomUUID();
    const first = await scoreAction(tenant.shop, { product_id: 7103 }, runId);
    const answer = await first.json();
    expect(answer).toMatchObject({ score: 100 });
    const stored = await storedScore(tenant.tenantId, product.id);

    await seedWebhookProduct(tenant.tenantId, completeProduct({ id: 7103, images: [], updated_at: "2026-11-02T10:00:00Z" }));
    const again = await scoreAction(tenant.shop, { product_id: 7103 }, runId);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(answer);
    expect(await storedScore(tenant.tenantId, product.id)).toEqual(stored);
    const runs = await (await tenantDb(tenant.tenantId)).prepare("select count(*) n from flow_action_runs where action_run_id = ?").bind(runId).first<{ n: number }>();
    expect(runs).toEqual({ n: 1 });

    expect(await (await scoreAction(tenant.shop, { product_id: 7103 })).json()).toMatchObject({ score: 85 });
  });

  it("answers 404 with a message Flow shows for a product SegOps does not know, or another shop's", async () => {
    const tenant = await seedTenant();
    const other = await seedTenant();
    await seedWebhookProduct(other.tenantId, completeProduct({ id: 7104 }));
    for (const productId of [999_999, 7104]) {
      const res = await scoreAction(tenant.shop, { product_id: productId });
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: { message: expect.stringMatching(new RegExp(`^SegOps has no product ${productId} for this store`)) } });
    }
  });

  it("answers 400 when the step has no product", async () => {
    const tenant = await seedTenant();
    for (const properties of [{}, { product_id: "" }, { product_id: "gid://shopify/Customer/abc" }]) {
      const res = await scoreAction(tenant.shop, properties);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: { message: "The step has no product: use it in a workflow about a product." } });
    }
  });
});
