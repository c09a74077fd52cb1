import { refreshRecommendations } from "../../worker/services/recommendations/refresh-recommendations.ts";
import { seedProfiles } from "./seed-profiles.ts";
import type { SeededTenant } from "./seed-tenant.ts";
import { seedCatalog, seedOrders, seedSegmentWithMembers } from "./seed-storefront.ts";
import { tenantContextOf } from "./service-context.ts";
import { storefrontTenant } from "./storefront-requests.ts";

/**
 * A storefront tenant with the demo store's habits in small, recommendations refreshed at `now`: everyone buys 101
 * most, 101 is bought with 102, and the VIP segment's member (customer 5001) buys 301, which nobody else does.
 * Customer 5002 placed orders 9001–9004 (9003: 101 + 103). Products are titled `Product <id>`, handled `p-<id>`.
 */
export async function seedBuyingHabitsShop(now = Date.now()): Promise<SeededTenant> {
  const tenant = await storefrontTenant();
  await seedCatalog(tenant.tenantId, ["101", "102", "103", "301", "401"].map((productId) => ({ productId, title: `Product ${productId}`, handle: `p-${productId}` })));
  const [vip, other] = await seedProfiles(tenant.tenantId, [{ customerId: "5001" }, { customerId: "5002" }]);
  await seedOrders(tenant.tenantId, [
    { orderId: "9001", productIds: ["101", "102"], orderedAt: now - 3000, profileId: other!, customerId: "5002" },
    { orderId: "9002", productIds: ["101", "102"], orderedAt: now - 2000, profileId: other!, customerId: "5002" },
    { orderId: "9003", productIds: ["101", "103"], orderedAt: now - 2000, profileId: other!, customerId: "5002" },
    { orderId: "9004", productIds: ["101"], orderedAt: now - 1000, profileId: other!, customerId: "5002" },
    { orderId: "9005", productIds: ["301"], orderedAt: now - 1000, profileId: vip!, customerId: "5001" },
  ]);
  await seedSegmentWithMembers(tenant.tenantId, "vip", [vip!]);
  await refreshRecommendations({ ctx: await tenantContextOf(tenant.tenantId), input: { now: new Date(now) } });
  return tenant;
}
