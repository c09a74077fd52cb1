import { createSimShop } from "./harness.ts";
import { seedTenant, type SeededTenant } from "./seed-tenant.ts";

/** A seeded tenant on an empty simulator shop, so the admin API's session tokens resolve to it; no setup has run. */
export async function adminTenant(options: Pick<Parameters<typeof seedTenant>[0] & {}, "plan"> = {}): Promise<SeededTenant> {
  const shop = await createSimShop({ size: { products: 0, customers: 0, orders: 0, abandonedCheckouts: 0 } });
  return seedTenant({ shop, ...options });
}
