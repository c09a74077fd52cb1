import { eq } from "drizzle-orm";
import { tenantsTable } from "../../db/schema/index.ts";
import type { Deps } from "../../context/deps.ts";

export type Tenant = typeof tenantsTable.$inferSelect;

export async function findTenantByShop(args: { ctx: Deps; input: { shop: string } }): Promise<Tenant | null> {
  return (await args.ctx.db.select().from(tenantsTable).where(eq(tenantsTable.shopDomain, args.input.shop)).get()) ?? null;
}

export async function findTenantById(args: { ctx: Deps; input: { tenantId: string } }): Promise<Tenant | null> {
  return (await args.ctx.db.select().from(tenantsTable).where(eq(tenantsTable.id, args.input.tenantId)).get()) ?? null;
}
