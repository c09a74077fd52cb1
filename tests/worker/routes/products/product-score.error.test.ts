import { describe, expect, it } from "vitest";
import { apiFetch } from "../../../helpers/api-fetch.ts";
import { completeProduct } from "../../../helpers/product-payloads.ts";
import { seedWebhookProduct } from "../../../helpers/seed-products.ts";
import { seedTenant } from "../../../helpers/seed-tenant.ts";
import { tenantDb } from "../../../helpers/tenant-db.ts";

describe("/v1/products/:id/score errors", () => {
  it.each(["GET", "POST"] as const)("answers %s for an unknown or malformed product id with 404 not_found", async (method) => {
    const tenant = await seedTenant();
    for (const ref of ["123456", "prd_nothing", "gid%3A%2F%2Fshopify%2FProduct%2F999", "not%20an%20id", "1%20or%201%3D1"]) {
      const res = await apiFetch(tenant.serverKey, `/products/${ref}/score`, { method });
      expect(res.status, ref).toBe(404);
      expect(await res.json()).toMatchObject({ error: { code: "not_found", message: expect.stringMatching(/^SegOps has no product .+ in this workspace\.$/) } });
    }
  });

  it("answers 404 for a deleted product, and does not score it", async () => {
    const tenant = await seedTenant();
    const product = await seedWebhookProduct(tenant.tenantId, completeProduct({ id: 7301 }));
    const db = await tenantDb(tenant.tenantId);
    await db.prepare("update products set deleted_at = ? where tenant_id = ? and id = ?").bind(Date.now(), tenant.tenantId, product.id).run();
    expect((await apiFetch(tenant.serverKey, "/products/7301/score", { method: "POST" })).status).toBe(404);
    expect((await apiFetch(tenant.serverKey, "/products/7301/score")).status).toBe(404);
    expect(await db.prepare("select ai_score from products where tenant_id = ? and id = ?").bind(tenant.tenantId, product.id).first()).toEqual({ ai_score: null });
  });
});
