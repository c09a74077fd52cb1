import type { Context } from "hono";
import type { AppEnv } from "../context/app-env.ts";
import { forTenant, type TenantContext } from "../context/deps.ts";

/** The service context of a request that passed requireTenant (or another tenant-resolving middleware). */
export function tenantContext(c: Context<AppEnv>): TenantContext {
  const tenantId = c.get("tenantId");
  if (!tenantId) throw new Error("tenantContext used on a route without tenant resolution");
  return forTenant(c.get("deps"), tenantId);
}
