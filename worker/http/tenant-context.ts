import type { Context } from "hono";
import type { AppEnv } from "../context/app-env.ts";
import { forTenant, type TenantContext, type TenantControl } from "../context/deps.ts";

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The service context of a request that passed requireTenant (or another tenant-resolving middleware), on the
 * tenant's shard. Resolved once per request; a write to a tenant frozen by a move throws TenantMovingError (409).
 */
export async function tenantContext(c: Context<AppEnv>): Promise<TenantContext> {
  const known = c.get("tenantContext");
  if (known) return known;
  const tenantId = c.get("tenantId");
  if (!tenantId) throw new Error("tenantContext used on a route without tenant resolution");
  const ctx = await forTenant(c.get("deps"), tenantId, { access: READ_METHODS.has(c.req.method) ? "read" : "write" });
  c.set("tenantContext", ctx);
  return ctx;
}

/**
 * The request's tenant in the control database, for control-plane services (keys, connect links, billing): no shard
 * is looked up, so these keep working while the tenant's data moves.
 */
export function tenantControlContext(c: Context<AppEnv>): TenantControl {
  const tenantId = c.get("tenantId");
  if (!tenantId) throw new Error("tenantControlContext used on a route without tenant resolution");
  return { ...c.get("deps"), tenantId };
}
