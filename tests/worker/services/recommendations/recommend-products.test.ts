import { beforeAll, describe, expect, it } from "vitest";
import { recommendProducts } from "../../../../worker/services/recommendations/recommend-products.ts";
import { refreshRecommendations } from "../../../../worker/services/recommendations/refresh-recommendations.ts";
import { seedEvents, seedProfiles } from "../../../helpers/seed-profiles.ts";
import { seedTenant } from "../../../helpers/seed-tenant.ts";
import { tenantContextOf } from "../../../helpers/service-context.ts";
import { seedCatalog, seedOrders, seedSegmentWithMembers, seededRandom, type OrderSeed } from "../../../helpers/seed-storefront.ts";
import { tenantDb } from "../../../helpers/tenant-db.ts";

const DAY = 86_400_000;
const NOW = Date.now();
const product = (i: number) => String(8_000_000_000 + i);

// The demo store's shape (simulator DEMO_SIZE): 200 products, 2,000 customers, 6,000 orders over 120 days, 1–4
// lines an order skewed towards the first products. Planted on top: product 150 is bought with product 170 (a
// rare product otherwise), and members of one segment favour product 120.
const PRODUCTS = 200;
const CUSTOMERS = 2_000;
const ORDERS = 6_000;

async function seedDemoShapedShop(tenantId: string) {
  const random = seededRandom(17);
  await seedCatalog(tenantId, Array.from({ length: PRODUCTS }, (_, i) => ({ productId: product(i), title: `Product ${i}` })));
  const profileIds = await seedProfiles(tenantId, Array.from({ length: CUSTOMERS }, (_, i) => ({ customerId: String(7_000_000 + i) })));
  const loyal = profileIds.slice(0, 60);
  const orders: OrderSeed[] = [];
  for (let i = 0; i < ORDERS; i++) {
    const owner = Math.floor(random() * CUSTOMERS);
    const lines = new Set<string>();
    const count = 1 + Math.floor(random() ** 2 * 4);
    while (lines.size < count) lines.add(product(Math.floor(PRODUCTS * random() ** 2)));
    if (i % 100 === 0) lines.add(product(150)).add(product(170));
    const profileId = profileIds[owner]!;
    if (loyal.includes(profileId) || i < 120) lines.add(product(120));
    orders.push({ orderId: String(5_000_000 + i), productIds: [...lines], orderedAt: NOW - Math.floor(random() * 120 * DAY), profileId, customerId: String(7_000_000 + owner) });
  }
  // The loyal members' own orders of product 120, so the segment's favourite is clear.
  for (const [i, profileId] of loyal.entries()) orders.push({ orderId: String(6_000_000 + i), productIds: [product(120)], orderedAt: NOW - DAY, profileId });
  await seedOrders(tenantId, orders);
  const segmentId = await seedSegmentWithMembers(tenantId, "loyal", loyal);
  return { profileIds, loyal, segmentId };
}

describe("recommendations on a demo-shaped shop", () => {
  let tenantId: string;
  let shop: Awaited<ReturnType<typeof seedDemoShapedShop>>;
  beforeAll(async () => {
    tenantId = (await seedTenant()).tenantId;
    shop = await seedDemoShapedShop(tenantId);
    const outcome = await refreshRecommendations({ ctx: await tenantContextOf(tenantId), input: { now: new Date(NOW) } });
    expect(outcome).toMatchObject({ refreshed: true, orders: ORDERS + 60 });
  }, 60_000);

  const recommend = async (input: Parameters<typeof recommendProducts>[0]["input"]) => recommendProducts({ ctx: await tenantContextOf(tenantId), input });

  it("ranks the product bought together with another first, ahead of the best sellers", async () => {
    const { products } = await recommend({ rule: "bought_together", anchorProductIds: [product(150)], limit: 4 });
    expect(products[0]).toMatchObject({ productId: product(170), reason: "bought_together", title: "Product 170", handle: "product-8000000170" });
    expect(products.map((p) => p.productId)).not.toContain(product(150));
    const reverse = await recommend({ rule: "bought_together", anchorProductIds: [product(170)], limit: 1 });
    expect(reverse.products[0]?.productId).toBe(product(150));
  });

  it("recommends what a shopper's segment buys more than everyone else", async () => {
    const member = shop.loyal[3]!;
    const customerId = (await (await tenantDb(tenantId)).prepare("select shopify_customer_id as id from profiles where tenant_id = ? and id = ?").bind(tenantId, member).first<{ id: string }>())!.id;
    const { products, shopper } = await recommend({ rule: "popular_in_segment", customerId, limit: 3 });
    expect(shopper?.segments.map((s) => s.id)).toEqual([shop.segmentId]);
    expect(products[0]).toMatchObject({ productId: product(120), reason: "popular_in_segment" });
  });

  it("puts a known visitor's recently viewed products first, newest view first", async () => {
    const viewer = shop.profileIds[1_500]!;
    const customerId = String(7_000_000 + 1_500);
    await seedEvents(tenantId, [
      { profileId: viewer, name: "product_view", occurredAt: NOW - 3_000 },
      { profileId: viewer, name: "product_view", occurredAt: NOW - 1_000 },
    ]);
    const db = await tenantDb(tenantId);
    await db.prepare("update events set properties = json_object('productId', ?) where tenant_id = ? and profile_id = ? and occurred_at = ?").bind(`gid://shopify/Product/${product(90)}`, tenantId, viewer, NOW - 3_000).run();
    await db.prepare("update events set properties = json_object('productId', ?) where tenant_id = ? and profile_id = ? and occurred_at = ?").bind(product(95), tenantId, viewer, NOW - 1_000).run();
    const { products } = await recommend({ rule: "personal", customerId, limit: 4 });
    expect(products.slice(0, 2).map((p) => [p.productId, p.reason])).toEqual([
      [product(95), "recently_viewed"],
      [product(90), "recently_viewed"],
    ]);
    expect(products).toHaveLength(4);
  });

  it("falls back to best sellers, most bought first, for an unknown shopper with nothing in view", async () => {
    const { products } = await recommend({ rule: "personal", customerId: "999", limit: 5 });
    expect(products.map((p) => p.reason)).toEqual(Array(5).fill("best_seller"));
    expect(products[0]?.productId).toBe(product(0));
  });

  it("never recommends a deleted or archived product", async () => {
    const other = (await seedTenant()).tenantId;
    await seedCatalog(other, [{ productId: product(1) }, { productId: product(2), status: "archived" }, { productId: product(3), deletedAt: NOW }]);
    await seedOrders(other, [{ orderId: "1", productIds: [product(1), product(2), product(3)], orderedAt: NOW - DAY }]);
    await refreshRecommendations({ ctx: await tenantContextOf(other), input: { now: new Date(NOW) } });
    const { products } = await recommendProducts({ ctx: await tenantContextOf(other), input: { rule: "best_sellers", limit: 4 } });
    expect(products.map((p) => p.productId)).toEqual([product(1)]);
  });

  it("keeps each tenant's scores to itself", async () => {
    const other = (await seedTenant()).tenantId;
    await seedCatalog(other, [{ productId: product(150) }, { productId: product(170) }, { productId: product(5) }]);
    await seedOrders(other, [{ orderId: "1", productIds: [product(150), product(5)], orderedAt: NOW - DAY }]);
    await refreshRecommendations({ ctx: await tenantContextOf(other), input: { now: new Date(NOW) } });
    const { products } = await recommendProducts({ ctx: await tenantContextOf(other), input: { rule: "bought_together", anchorProductIds: [product(150)], limit: 2 } });
    expect(products[0]).toMatchObject({ productId: product(5), reason: "bought_together" });
    const mine = await recommend({ rule: "bought_together", anchorProductIds: [product(150)], limit: 1 });
    expect(mine.products[0]?.productId).toBe(product(170));
  });

  it("skips a rebuild when no order changed, and rebuilds when forced", async () => {
    const ctx = await tenantContextOf(tenantId);
    expect((await refreshRecommendations({ ctx, input: { now: new Date(NOW + 60_000) } })).refreshed).toBe(false);
    expect((await refreshRecommendations({ ctx, input: { now: new Date(NOW + 60_000), force: true } })).refreshed).toBe(true);
    const { products } = await recommend({ rule: "bought_together", anchorProductIds: [product(150)], limit: 1 });
    expect(products[0]?.productId).toBe(product(170));
  });
});

describe("recommendations in a new shop", () => {
  it("offers the newest products when there are no orders yet", async () => {
    const { tenantId } = await seedTenant();
    await seedCatalog(tenantId, [{ productId: product(1) }, { productId: product(2) }, { productId: product(3) }]);
    await refreshRecommendations({ ctx: await tenantContextOf(tenantId), input: { now: new Date(NOW) } });
    const { products } = await recommendProducts({ ctx: await tenantContextOf(tenantId), input: { rule: "personal", anchorProductIds: [product(3)], limit: 4 } });
    expect(products.map((p) => [p.productId, p.reason])).toEqual([
      [product(2), "new_in_store"],
      [product(1), "new_in_store"],
    ]);
  });
});
