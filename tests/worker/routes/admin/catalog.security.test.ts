import { describe, expect, it } from "vitest";
import type { CatalogSummaryResponse, ListProductsResponse } from "../../../../worker/routes/admin/catalog.ts";
import { adminTenant } from "../../../helpers/admin-tenant.ts";
import { seedScoredCatalog } from "../../../helpers/catalog-shop.ts";
import { adminJson, appFetch } from "../../../helpers/harness.ts";

describe("/admin/api/products (security)", () => {
  it.each(["/products", "/products/summary"])("answers GET %s without a session token with 401", async (path) => {
    expect((await appFetch(`/admin/api${path}`)).status).toBe(401);
  });

  it("lists and summarises only the session's shop", async () => {
    const [a, b] = await Promise.all([adminTenant(), adminTenant()]);
    await seedScoredCatalog(b.tenantId);
    expect((await adminJson<ListProductsResponse>(a.shop, `/products?vendor=Acme&tenantId=${b.tenantId}`)).total).toBe(0);
    expect((await adminJson<CatalogSummaryResponse>(a.shop, "/products/summary")).total).toBe(0);
    expect((await adminJson<ListProductsResponse>(b.shop, "/products")).total).toBe(4);
  });
});
