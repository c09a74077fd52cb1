import { createAdminClient, type AdminClient } from "../shopify/admin-graphql.ts";
import { forTenant, type Deps, type TenantAccess, type TenantContext } from "./deps.ts";
import { tenantObject } from "./tenant-object.ts";

/** A tenant's context plus its Admin API client, which shares the tenant's cost bucket with every other caller. */
export type AdminContext = TenantContext & { admin: AdminClient };

/** A tenant's Admin API client alone, for work that reads none of its data (no shard lookup). */
export function adminClientOf(deps: Pick<Deps, "env" | "config">, tenantId: string): AdminClient {
  return createAdminClient(deps.config, tenantObject(deps.env, tenantId));
}

/** A tenant context already resolved, with its Admin API client. */
export function withAdmin(ctx: TenantContext): AdminContext {
  return { ...ctx, admin: adminClientOf(ctx, ctx.tenantId) };
}

export async function createAdminContext(deps: Deps, tenantId: string, options: { access?: TenantAccess } = {}): Promise<AdminContext> {
  return withAdmin(await forTenant(deps, tenantId, options));
}
