import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../context/app-env.ts";
import { AppError } from "../errors.ts";
import { findTenantByShop } from "../services/tenants/find-tenant.ts";

/**
 * After requireSessionToken: the verified shop's tenant becomes the request's only scope. A shop without an
 * installed tenant gets 409, which tells the admin to run its bootstrap (the install) again.
 * @example adminRoutes.use("/keys/*", requireTenant())
 */
export function requireTenant(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const shop = c.get("shop");
    const tenant = shop ? await findTenantByShop({ ctx: c.get("deps"), input: { shop } }) : null;
    if (!tenant || tenant.status === "uninstalled") {
      throw new AppError("conflict", "SegOps is not installed on this shop; reload the app from Shopify admin.");
    }
    c.set("tenantId", tenant.id);
    await next();
  };
}
