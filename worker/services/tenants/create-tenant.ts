import { tenantShardsTable, tenantsTable } from "../../db/schema/index.ts";
import { newId } from "../../lib/ids.ts";
import { shopSubdomain } from "../../shopify/shop-domain.ts";
import { CONTROL_SHARD, type Deps } from "../../context/deps.ts";
import { findTenantByShop, type Tenant } from "./find-tenant.ts";

const MAX_SLUG_ATTEMPTS = 20;

function isUniqueViolation(error: unknown, column: string): boolean {
  const message = error instanceof Error ? `${error.message} ${String(error.cause ?? "")}` : String(error);
  return message.includes("UNIQUE constraint failed") && message.includes(column);
}

/**
 * The shop's tenant, created if needed with slug = shop subdomain (`acme`, then `acme-2`… when another shop
 * holds it), with its shard directory entry in the same batch. Two installs racing for the same shop end on the
 * same row: the shop domain is unique.
 */
export async function findOrCreateTenant(args: { ctx: Deps; input: { shop: string; now: number } }): Promise<Tenant> {
  const { ctx, input } = args;
  const { shop, now } = input;
  const existing = await findTenantByShop({ ctx, input: { shop } });
  if (existing) return existing;
  const base = shopSubdomain(shop);
  for (let attempt = 1; attempt <= MAX_SLUG_ATTEMPTS; attempt++) {
    const slug = attempt === 1 ? base : `${base}-${attempt}`;
    try {
      const id = newId("tenant");
      const [[created]] = await ctx.db.batch([
        ctx.db.insert(tenantsTable).values({ id, slug, shopDomain: shop, status: "installing", createdAt: new Date(now), updatedAt: new Date(now) }).returning(),
        ctx.db.insert(tenantShardsTable).values({ tenantId: id, shard: CONTROL_SHARD, updatedAt: new Date(now) }),
      ]);
      if (created) return created;
    } catch (error) {
      if (isUniqueViolation(error, "shop_domain")) {
        const raced = await findTenantByShop({ ctx, input: { shop } });
        if (raced) return raced;
      }
      if (!isUniqueViolation(error, "slug")) throw error;
    }
  }
  throw new Error(`No free slug for ${shop} after ${MAX_SLUG_ATTEMPTS} attempts`);
}
