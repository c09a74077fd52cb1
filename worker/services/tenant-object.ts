import type { TenantObject } from "../../durable-objects/tenant-object.ts";

/** The tenant's Durable Object, typed (`wrangler types` without runtime types leaves the namespace untyped). */
export function tenantObject(env: Env, tenantId: string): DurableObjectStub<TenantObject> {
  return (env.TENANT as unknown as DurableObjectNamespace<TenantObject>).getByName(tenantId);
}
