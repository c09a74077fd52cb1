import { describe, expect, it } from "vitest";
import type { ListLandingPagesResponse } from "../../../../worker/routes/landing-pages/list-landing-pages.ts";
import type { LandingPagePreview } from "../../../../worker/services/landing-pages/preview-landing-page.ts";
import type { LandingPageView } from "../../../../worker/services/landing-pages/landing-page-view.ts";
import { refreshRecommendations } from "../../../../worker/services/recommendations/refresh-recommendations.ts";
import { adminTenant } from "../../../helpers/admin-tenant.ts";
import { adminFetch, adminJson } from "../../../helpers/harness.ts";
import { seedProfiles } from "../../../helpers/seed-profiles.ts";
import { seedCatalog, seedOrders, seedSegmentWithMembers } from "../../../helpers/seed-storefront.ts";
import { tenantContextOf } from "../../../helpers/service-context.ts";
import { liquidOf, proxyFetch } from "../../../helpers/storefront-requests.ts";

const json = (method: string, body: unknown) => ({ method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

describe("/admin/api/landing-pages", () => {
  it("creates a draft, edits it, publishes it, and the storefront serves it only once published", async () => {
    const tenant = await adminTenant();
    await seedCatalog(tenant.tenantId, [{ productId: "101" }, { productId: "102" }]);
    const created = await adminJson<LandingPageView>(tenant.shop, "/landing-pages", json("POST", { slug: "spring", title: "Spring" }));
    expect(created).toMatchObject({ slug: "spring", title: "Spring", status: "draft", publishedAt: null, storefrontPath: "/apps/segops/pages/spring" });
    expect(created.products).toEqual({ mode: "rule", rule: "personal", limit: 4 });
    expect((await proxyFetch(tenant.shop, "/pages/spring")).status).toBe(404);

    const edited = await adminJson<LandingPageView>(
      tenant.shop,
      "/landing-pages/spring",
      json("PATCH", { body: "New season.", blocks: [{ kind: "heading", text: "Picks" }], products: { mode: "picks", productIds: ["gid://shopify/Product/102", "101"] } }),
    );
    expect(edited).toMatchObject({ body: "New season.", blocks: [{ kind: "heading", text: "Picks" }], products: { mode: "picks", productIds: ["102", "101"] }, status: "draft" });

    const published = await adminJson<LandingPageView>(tenant.shop, "/landing-pages/spring", json("PATCH", { status: "published" }));
    expect(published.status).toBe("published");
    expect(Date.parse(published.publishedAt!)).toBeGreaterThan(Date.now() - 60_000);
    const liquid = await liquidOf(await proxyFetch(tenant.shop, "/pages/spring"));
    expect(liquid).toContain("<h2>Picks</h2>");
    expect([...liquid.matchAll(/data-product-id="(\d+)"/g)].map((m) => m[1])).toEqual(["102", "101"]);

    expect(await adminJson<LandingPageView>(tenant.shop, "/landing-pages/spring")).toEqual(published);
    const list = await adminJson<ListLandingPagesResponse>(tenant.shop, "/landing-pages");
    expect(list.data.map((page) => page.slug)).toEqual(["spring"]);

    const unpublished = await adminJson<LandingPageView>(tenant.shop, "/landing-pages/spring", json("PATCH", { status: "draft" }));
    expect(unpublished.publishedAt).toBeNull();
    expect((await proxyFetch(tenant.shop, "/pages/spring")).status).toBe(404);

    expect((await adminFetch(tenant.shop, "/landing-pages/spring", { method: "DELETE" })).status).toBe(204);
    expect((await adminJson<ListLandingPagesResponse>(tenant.shop, "/landing-pages")).data).toEqual([]);
  });

  it("targets a customer segment by slug and previews the unsaved page as a guest and as a member", async () => {
    const tenant = await adminTenant();
    await seedCatalog(tenant.tenantId, [{ productId: "101", title: "Everyday mug" }, { productId: "301", title: "Gold mug" }]);
    const [vip, other] = await seedProfiles(tenant.tenantId, [{ customerId: "5001" }, { customerId: "5002" }]);
    const now = Date.now();
    await seedOrders(tenant.tenantId, [
      { orderId: "1", productIds: ["101"], orderedAt: now - 1000, profileId: other! },
      { orderId: "2", productIds: ["101"], orderedAt: now - 1000, profileId: other! },
      { orderId: "3", productIds: ["301"], orderedAt: now - 1000, profileId: vip! },
    ]);
    await seedSegmentWithMembers(tenant.tenantId, "vip", [vip!]);
    await refreshRecommendations({ ctx: await tenantContextOf(tenant.tenantId), input: { now: new Date(now) } });
    const page = {
      title: "Members' corner",
      blocks: [{ kind: "text", text: "Hello all" }],
      segment: "vip",
      segmentBlocks: [{ kind: "text", text: "Hello VIP" }],
      products: { mode: "rule", rule: "personal", limit: 1 },
    };
    const guest = await adminJson<LandingPagePreview>(tenant.shop, "/landing-pages/preview", json("POST", { page }));
    expect(guest).toMatchObject({ audience: "everyone", productIds: ["101"] });
    expect(guest.html).toContain("<p>Hello all</p>");
    expect(guest.html).toContain('<span class="segops-title">Everyday mug</span>');
    expect(guest.html).not.toMatch(/\{\{|\{%/);
    const member = await adminJson<LandingPagePreview>(tenant.shop, "/landing-pages/preview", json("POST", { page, audience: "segment" }));
    expect(member).toMatchObject({ audience: "segment", productIds: ["301"] });
    expect(member.html).toContain("<p>Hello VIP</p>");

    const created = await adminJson<LandingPageView>(tenant.shop, "/landing-pages", json("POST", { ...page, slug: "members", status: "published" }));
    expect(created.segment).toBe("vip");
    expect(await liquidOf(await proxyFetch(tenant.shop, "/pages/members", { customerId: "5001" }))).toContain("Hello VIP");
    expect(await adminJson<LandingPageView>(tenant.shop, "/landing-pages/members", json("PATCH", { segment: null }))).toMatchObject({ segment: null });
    expect(await liquidOf(await proxyFetch(tenant.shop, "/pages/members", { customerId: "5001" }))).toContain("Hello all");
  });
});
