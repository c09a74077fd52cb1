import { env } from "cloudflare:workers";
import { parseConfig } from "../../worker/env.ts";
import { createLogger } from "../../worker/lib/log.ts";
import { createAdminContext, type AdminContext } from "../../worker/context/admin-context.ts";
import { createDeps, forTenant, type Deps, type TenantContext, type TenantControl } from "../../worker/context/deps.ts";
import { seedTenant } from "./seed-tenant.ts";

/** The deps a request or queue batch would build, for calling services directly. */
export function serviceDeps(): Deps {
  const parsed = parseConfig(env);
  if (!parsed.ok) throw new Error(parsed.issues.join("; "));
  return createDeps(env, parsed.config, createLogger({ test: true }));
}

/** An existing tenant's service context, as a request scoped to it would build. */
export const tenantContextOf = (tenantId: string): Promise<TenantContext> => forTenant(serviceDeps(), tenantId);

/** A tenant's rows in the control database, as control-plane services (billing, keys, connect links) take them. */
export const tenantControlOf = (tenantId: string): TenantControl => ({ ...serviceDeps(), tenantId });

/** A fresh seeded tenant's service context. */
export async function tenantContext(): Promise<TenantContext> {
  const { tenantId } = await seedTenant();
  return tenantContextOf(tenantId);
}

/** A tenant's context with its Admin API client (the tenant must be installed in the simulator). */
export const adminContext = (tenantId: string): Promise<AdminContext> => createAdminContext(serviceDeps(), tenantId);
