import { tenantsTable } from "../../db/schema/index.ts";
import { newId } from "../../lib/ids.ts";
import { shopSubdomain } from "../../shopify/shop-domain.ts";
import { dataShardNames, type Deps } from "../../context/deps.ts";
import { TenantDirectoryError } from "../../context/tenant-directory.ts";
import { runStatements } from "../../db/run-statements.ts";
import { findTenantById, findTenantByShop, type Tenant } from "./find-tenant.ts";
import { measureShardSizes } from "./measure-shard-sizes.ts";
import { placeTenant } from "./place-tenant.ts";

const MAX_SLUG_ATTEMPTS = 20;

function isUniqueViolation(error: unknown, column: string): boolean {
  const message = error instanceof Error ? `${error.message} ${String(error.cause ?? "")}` : String(error);
  return message.includes("UNIQUE constraint failed") && message.includes(column);
}

/**
 * The shop's tenant, created if needed with slug = shop subdomain (`acme`, then `acme-2`… when another shop
 * holds it), with its shard directory entry on the least-full data shard (by size, then entries; placeTenant) in
 * the same batch. Two installs racing for the same shop end on the same row: the shop domain is unique.
 */
export async function findOrCreateTenant(args: { ctx: Deps; input: { shop: string; now: number } }): Promise<Tenant> {
  const { ctx, input } = args;
  const { shop, now } = input;
  const existing = await findTenantByShop({ ctx, input: { shop } });
  if (existing) return existing;
  const shards = dataShardNames(ctx.env);
  if (shards.length === 0) throw new TenantDirectoryError("This worker has no data shard (a SHARD_<n> D1 binding) to place a new tenant on.");
  const sizes = await measureShardSizes({ ctx, input: { shards } });
  const base = shopSubdomain(shop);
  for (let attempt = 1; attempt <= MAX_SLUG_ATTEMPTS; attempt++) {
    const slug = attempt === 1 ? base : `${base}-${attempt}`;
    try {
      const id = newId("tenant");
      await runStatements(ctx.d1, [
        ctx.db.insert(tenantsTable).values({ id, slug, shopDomain: shop, status: "installing", createdAt: new Date(now), updatedAt: new Date(now) }).getSQL(),
        placeTenant({ tenantId: id, shards, sizes, now }),
      ]);
      const created = await findTenantById({ ctx, input: { tenantId: id } });
      if (!created) throw new Error(`Tenant ${id} was gone right after it was created`);
      return created;
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
