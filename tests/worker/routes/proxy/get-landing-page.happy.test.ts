import { describe, expect, it } from "vitest";
import { refreshRecommendations } from "../../../../worker/services/recommendations/refresh-recommendations.ts";
import { seedProfiles } from "../../../helpers/seed-profiles.ts";
import { seedCatalog, seedOrders, seedSegmentWithMembers } from "../../../helpers/seed-storefront.ts";
import { tenantContextOf } from "../../../helpers/service-context.ts";
import { createPage, liquidOf, proxyFetch, storefrontTenant } from "../../../helpers/storefront-requests.ts";

const NOW = Date.now();
const cardsOf = (liquid: string) => [...liquid.matchAll(/data-product-id="(\d+)" data-reason="([a-z_]+)"/g)].map((m) => `${m[1]}:${m[2]}`);

/** A shop where everyone buys 101 most, and the VIP segment's member buys 301 (which nobody else does). */
async function shopWithVipPage() {
  const tenant = await storefrontTenant();
  await seedCatalog(tenant.tenantId, ["101", "102", "301"].map((productId) => ({ productId, handle: `p-${productId}` })));
  const [vip, other] = await seedProfiles(tenant.tenantId, [{ customerId: "5001" }, { customerId: "5002" }]);
  await seedOrders(tenant.tenantId, [
    { orderId: "1", productIds: ["101", "102"], orderedAt: NOW - 1000, profileId: other! },
    { orderId: "2", productIds: ["101"], orderedAt: NOW - 1000, profileId: other! },
    { orderId: "3", productIds: ["301"], orderedAt: NOW - 1000, profileId: vip! },
  ]);
  await seedSegmentWithMembers(tenant.tenantId, "vip", [vip!]);
  await refreshRecommendations({ ctx: await tenantContextOf(tenant.tenantId), input: { now: new Date(NOW) } });
  await createPage(tenant.tenantId, {
    slug: "spring",
    title: "Spring sale",
    body: "Fresh picks.\n\nFor everyone.",
    blocks: [{ kind: "heading", text: "Everyone's favourites" }],
    segment: "vip",
    segmentBlocks: [{ kind: "heading", text: "Early access for VIPs" }, { kind: "button", text: "Shop now", url: "/collections/vip" }],
    products: { mode: "rule", rule: "personal", limit: 2 },
    status: "published",
  });
  return tenant;
}

describe("GET /proxy/pages/:slug", () => {
  it("serves a guest the page as Liquid for the theme, with the shop's best sellers", async () => {
    const { shop } = await shopWithVipPage();
    const res = await proxyFetch(shop, "/pages/spring");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/liquid; charset=utf-8");
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
    const liquid = await liquidOf(res);
    expect(liquid).not.toContain("{% layout none %}");
    expect(liquid).toContain("<h1>Spring sale</h1>");
    expect(liquid).toContain("<p>Fresh picks.</p><p>For everyone.</p>");
    expect(liquid).toContain("<h2>Everyone&#39;s favourites</h2>");
    expect(liquid).not.toContain("VIP");
    expect(cardsOf(liquid)[0]).toBe("101:best_seller");
    expect(liquid).toContain('{%- assign segops_product = all_products["p-101"] -%}');
  });

  it("shows a logged-in customer in the target segment its blocks and what the segment buys", async () => {
    const { shop } = await shopWithVipPage();
    const liquid = await liquidOf(await proxyFetch(shop, "/pages/spring", { customerId: "5001" }));
    expect(liquid).toContain("<h2>Early access for VIPs</h2>");
    expect(liquid).toContain('<a class="button" href="/collections/vip">Shop now</a>');
    expect(liquid).not.toContain("Everyone&#39;s favourites");
    expect(cardsOf(liquid)[0]).toBe("301:popular_in_segment");
  });

  it("shows a logged-in customer outside the segment the everyone version", async () => {
    const { shop } = await shopWithVipPage();
    const liquid = await liquidOf(await proxyFetch(shop, "/pages/spring", { customerId: "5002" }));
    expect(liquid).toContain("Everyone&#39;s favourites");
    expect(liquid).not.toContain("Early access");
  });

  it("answers the theme block's fragment without the theme layout", async () => {
    const { shop } = await shopWithVipPage();
    const liquid = await liquidOf(await proxyFetch(shop, "/pages/spring", { query: { fragment: "1" } }));
    expect(liquid.startsWith("{% layout none %}")).toBe(true);
    expect(liquid).toContain('data-segops-page="spring"');
  });

  it("shows a page's picked products in the merchant's order", async () => {
    const { shop, tenantId } = await shopWithVipPage();
    await createPage(tenantId, { slug: "picks", products: { mode: "picks", productIds: ["gid://shopify/Product/301", "102"] }, status: "published" });
    const liquid = await liquidOf(await proxyFetch(shop, "/pages/picks"));
    expect(cardsOf(liquid)).toEqual(["301:picked", "102:picked"]);
  });
});

describe("GET /proxy/recommendations", () => {
  it("answers the theme block's strip for the product page's product", async () => {
    const { shop } = await shopWithVipPage();
    const res = await proxyFetch(shop, "/recommendations", { query: { product_id: "102", rule: "bought_together", limit: "1", heading: "Goes well with" } });
    expect(res.status).toBe(200);
    const liquid = await liquidOf(res);
    expect(liquid.startsWith("{% layout none %}")).toBe(true);
    expect(liquid).toContain('<h2 class="segops-products-heading">Goes well with</h2>');
    expect(cardsOf(liquid)).toEqual(["101:bought_together"]);
  });
});
