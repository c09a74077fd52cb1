import { createAdminClient, type AdminClient } from "../shopify/admin-graphql.ts";
import { forTenant, type Deps, type TenantContext } from "./deps.ts";
import { tenantObject } from "./tenant-object.ts";

/** A tenant's context plus its Admin API client, which shares the tenant's cost bucket with every other caller. */
export type AdminContext = TenantContext & { admin: AdminClient };

export function createAdminContext(deps: Deps, tenantId: string): AdminContext {
  return { ...forTenant(deps, tenantId), admin: createAdminClient(deps.config, tenantObject(deps.env, tenantId)) };
}
