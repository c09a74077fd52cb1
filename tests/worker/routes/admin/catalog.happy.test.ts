import { describe, expect, it } from "vitest";
import type { CatalogSummaryResponse, ListProductsResponse } from "../../../../worker/routes/admin/catalog.ts";
import { adminTenant } from "../../../helpers/admin-tenant.ts";
import { seedScoredCatalog } from "../../../helpers/catalog-shop.ts";
import { adminJson } from "../../../helpers/harness.ts";

describe("/admin/api/products and /products/summary", () => {
  it("pages, sorts and filters the scores on the server, unscored products last", async () => {
    const tenant = await adminTenant();
    const ids = await seedScoredCatalog(tenant.tenantId);
    const list = (query: string) => adminJson<ListProductsResponse>(tenant.shop, `/products?${query}`);

    const all = await list("");
    expect(all).toMatchObject({ page: 1, limit: 25, total: 4 });
    expect(all.data.map((row) => row.id)).toEqual([ids.mug, ids.bare, ids.socks, ids.unscored]);
    expect(all.data[1]).toMatchObject({ score: 85, recommendations: 1, topRecommendation: { code: "images_missing", points: 15 }, vendor: "Northwind" });
    expect(all.data[3]).toMatchObject({ score: null, recommendations: 0, topRecommendation: null });

    const desc = await list("sort=score&direction=desc&limit=2&page=1");
    expect(desc.data.map((row) => row.id)).toEqual([ids.socks, ids.bare]);
    expect((await list("sort=score&direction=desc&limit=2&page=2")).data.map((row) => row.id)).toEqual([ids.mug, ids.unscored]);
    expect((await list("sort=title&limit=1")).data.map((row) => row.title)).toEqual(["Merino wool crew socks"]);

    expect((await list("band=low")).data.map((row) => row.id)).toEqual([ids.mug]);
    expect((await list("band=good")).data.map((row) => row.id)).toEqual([ids.bare, ids.socks]);
    expect((await list("band=unscored")).total).toBe(1);
    expect((await list("vendor=Acme")).data.map((row) => row.id)).toEqual([ids.mug]);
    expect((await list("type=Socks&hasRecommendations=true")).data.map((row) => row.id)).toEqual([ids.bare]);
    expect((await list("hasRecommendations=false")).data.map((row) => row.id)).toEqual([ids.socks]);
    expect((await list("q=hiking")).data.map((row) => row.id)).toEqual([ids.bare]);
    expect((await list("q=wool%20crew")).data.map((row) => row.id)).toEqual([ids.socks]);
    expect((await list("q=wool_crew")).total).toBe(0);
  });

  it("summarises the catalog: median, products below 50, the spread and the filters' vendors and types", async () => {
    const tenant = await adminTenant();
    await seedScoredCatalog(tenant.tenantId);
    const summary = await adminJson<CatalogSummaryResponse>(tenant.shop, "/products/summary");
    expect(summary).toMatchObject({ total: 4, scored: 3, median: 85, below50: 1, vendors: ["Acme", "Northwind"], types: ["Kitchen", "Socks"] });
    expect(summary.distribution).toHaveLength(10);
    expect(summary.distribution.at(-1)).toEqual({ from: 90, to: 100, count: 1 });
    expect(summary.distribution.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(3);
  });

  it("answers an empty catalog without a median", async () => {
    const tenant = await adminTenant();
    expect(await adminJson<ListProductsResponse>(tenant.shop, "/products")).toEqual({ data: [], page: 1, limit: 25, total: 0 });
    expect(await adminJson<CatalogSummaryResponse>(tenant.shop, "/products/summary")).toMatchObject({ total: 0, scored: 0, median: null, below50: 0, vendors: [], types: [] });
  });
});
