import { describe, expect, it } from "vitest";
import { apiFetch } from "../../../helpers/api-fetch.ts";
import { adminFetch, appFetch, createSimShop } from "../../../helpers/harness.ts";
import { completeProduct } from "../../../helpers/product-payloads.ts";
import { seedWebhookProduct } from "../../../helpers/seed-products.ts";
import { seedTenant } from "../../../helpers/seed-tenant.ts";
import { tenantDb } from "../../../helpers/tenant-db.ts";

const EMPTY_STORE = { size: { products: 0, customers: 0, orders: 0, abandonedCheckouts: 0 } };

describe("/products/:id/score security", () => {
  it("answers 401 without a server key or with a public key", async () => {
    const tenant = await seedTenant();
    expect((await appFetch("/v1/products/1/score")).status).toBe(401);
    expect((await apiFetch(tenant.publicKey, "/products/1/score", { method: "POST" })).status).toBe(401);
    expect((await appFetch("/admin/api/products/1/score")).status).toBe(401);
  });

  it("keeps each workspace's products to itself, by SegOps id and by Shopify id, on /v1 and /admin/api", async () => {
    const ours = await seedTenant({ shop: await createSimShop(EMPTY_STORE) });
    const theirs = await seedTenant({ shop: await createSimShop(EMPTY_STORE) });
    const product = await seedWebhookProduct(theirs.tenantId, completeProduct({ id: 7401 }));
    for (const ref of [product.id, "7401"]) {
      for (const method of ["GET", "POST"]) {
        expect((await apiFetch(ours.serverKey, `/products/${ref}/score`, { method })).status, `${method} /v1 ${ref}`).toBe(404);
        expect((await adminFetch(ours.shop, `/products/${ref}/score`, { method })).status, `${method} /admin/api ${ref}`).toBe(404);
      }
    }
    expect(await (await tenantDb(theirs.tenantId)).prepare("select ai_score from products where tenant_id = ? and id = ?").bind(theirs.tenantId, product.id).first()).toEqual({ ai_score: null });

    const same = await seedWebhookProduct(ours.tenantId, completeProduct({ id: 7401, vendor: null }));
    expect(await (await apiFetch(ours.serverKey, "/products/7401/score", { method: "POST" })).json()).toMatchObject({ productId: same.id, score: 98 });
    expect(await (await apiFetch(theirs.serverKey, "/products/7401/score", { method: "POST" })).json()).toMatchObject({ productId: product.id, score: 100 });
  });
});
