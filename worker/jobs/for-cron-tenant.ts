import { forTenant, type Deps, type TenantContext } from "../context/deps.ts";
import { TenantMovingError } from "../context/tenant-directory.ts";

/** A tenant's context for a cron's writes, or null while a move has it frozen: the cron skips it this run. */
export async function forCronTenant(deps: Deps, tenantId: string): Promise<TenantContext | null> {
  try {
    return await forTenant(deps, tenantId);
  } catch (error) {
    if (!(error instanceof TenantMovingError)) throw error;
    deps.log.info("tenant moving; skipped this run", { tenant: tenantId });
    return null;
  }
}

/** The contexts of these tenants, those frozen by a move left out for this run. */
export async function forCronTenants(deps: Deps, tenantIds: readonly string[]): Promise<TenantContext[]> {
  const contexts = await Promise.all(tenantIds.map((tenantId) => forCronTenant(deps, tenantId)));
  return contexts.filter((ctx) => ctx !== null);
}
