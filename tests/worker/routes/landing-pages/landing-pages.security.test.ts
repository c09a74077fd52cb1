import { describe, expect, it } from "vitest";
import type { ListLandingPagesResponse } from "../../../../worker/routes/landing-pages/list-landing-pages.ts";
import { adminTenant } from "../../../helpers/admin-tenant.ts";
import { adminFetch, adminJson, appFetch } from "../../../helpers/harness.ts";
import { seedCatalog, seedSegmentWithMembers } from "../../../helpers/seed-storefront.ts";
import { liquidOf, proxyFetch } from "../../../helpers/storefront-requests.ts";

const json = (method: string, body: unknown) => ({ method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

describe("/admin/api/landing-pages (security)", () => {
  it.each([
    ["GET", "/landing-pages"],
    ["POST", "/landing-pages"],
    ["POST", "/landing-pages/preview"],
    ["GET", "/landing-pages/spring"],
    ["PATCH", "/landing-pages/spring"],
    ["DELETE", "/landing-pages/spring"],
  ])("answers %s %s without a session token with 401", async (method, path) => {
    const res = await appFetch(`/admin/api${path}`, { method, headers: { "Content-Type": "application/json" }, body: method === "GET" || method === "DELETE" ? undefined : "{}" });
    expect(res.status).toBe(401);
  });

  it("keeps each shop's pages to itself: B can neither see, change, delete nor serve A's page", async () => {
    const [a, b] = await Promise.all([adminTenant(), adminTenant()]);
    await adminJson(a.shop, "/landing-pages", json("POST", { slug: "spring", title: "A's page", status: "published", products: { mode: "none" } }));
    expect((await adminJson<ListLandingPagesResponse>(b.shop, "/landing-pages")).data).toEqual([]);
    expect((await adminFetch(b.shop, "/landing-pages/spring")).status).toBe(404);
    expect((await adminFetch(b.shop, "/landing-pages/spring", json("PATCH", { title: "B was here" }))).status).toBe(404);
    expect((await adminFetch(b.shop, "/landing-pages/spring", { method: "DELETE" })).status).toBe(404);
    expect((await proxyFetch(b.shop, "/pages/spring")).status).toBe(404);
    expect(await liquidOf(await proxyFetch(a.shop, "/pages/spring"))).toContain("<h1>A&#39;s page</h1>");

    // The same slug is free in B's workspace, and stays apart from A's.
    expect((await adminFetch(b.shop, "/landing-pages", json("POST", { slug: "spring", title: "B's page" }))).status).toBe(201);
    expect((await adminJson<{ title: string }>(a.shop, "/landing-pages/spring")).title).toBe("A's page");
  });

  it("refuses another shop's segment and products as a page's target or picks", async () => {
    const [a, b] = await Promise.all([adminTenant(), adminTenant()]);
    await seedSegmentWithMembers(a.tenantId, "vip", []);
    await seedCatalog(a.tenantId, [{ productId: "101" }]);
    expect((await adminFetch(b.shop, "/landing-pages", json("POST", { slug: "x", title: "x", segment: "vip" }))).status).toBe(400);
    expect((await adminFetch(b.shop, "/landing-pages", json("POST", { slug: "x", title: "x", products: { mode: "picks", productIds: ["101"] } }))).status).toBe(400);
    expect((await adminFetch(b.shop, "/landing-pages/preview", json("POST", { page: { title: "x", products: { mode: "picks", productIds: ["101"] } } }))).status).toBe(400);
  });
});
