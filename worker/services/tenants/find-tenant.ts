import { eq } from "drizzle-orm";
import { tenantsTable } from "../../db/schema/index.ts";
import type { Deps } from "../../context/deps.ts";

export type Tenant = typeof tenantsTable.$inferSelect;

export async function findTenantByShop(deps: Deps, shop: string): Promise<Tenant | null> {
  return (await deps.db.select().from(tenantsTable).where(eq(tenantsTable.shopDomain, shop)).get()) ?? null;
}

export async function findTenantById(deps: Deps, tenantId: string): Promise<Tenant | null> {
  return (await deps.db.select().from(tenantsTable).where(eq(tenantsTable.id, tenantId)).get()) ?? null;
}
