import type { Context } from "hono";
import type { AppEnv } from "../env.ts";
import type { TenantContext } from "../services/deps.ts";

/** The service context of a request that passed requireTenant (or another tenant-resolving middleware). */
export function tenantContext(c: Context<AppEnv>): TenantContext {
  const tenantId = c.get("tenantId");
  if (!tenantId) throw new Error("tenantContext used on a route without tenant resolution");
  return { ...c.get("deps"), tenantId };
}
