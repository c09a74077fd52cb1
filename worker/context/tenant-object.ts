import type { TenantObject } from "../../durable-objects/tenant-object.ts";

/** The tenant's Durable Object: one per tenant, addressed by the tenant id. */
export function tenantObject(env: Env, tenantId: string): DurableObjectStub<TenantObject> {
  return env.TENANT.getByName(tenantId);
}
