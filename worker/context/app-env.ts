import type { Config } from "../env.ts";
import type { Logger } from "../lib/log.ts";
import type { Deps, TenantContext } from "./deps.ts";

/** What the request middleware sets on every Hono context; the routes read it through the helpers of worker/http/. */
export type AppVariables = {
  requestId: string;
  config: Config;
  log: Logger;
  deps: Deps;
  /** Set by the auth middleware of each surface; the only source of tenant scope for a request. */
  tenantId: string | undefined;
  /** The tenant's context on its shard, resolved once by `tenantContext(c)` (worker/http/tenant-context.ts). */
  tenantContext: TenantContext | undefined;
  /** The shop of a verified session token (admin) or webhook. */
  shop: string | undefined;
  sessionToken: string | undefined;
  /** The buyer's Shopify customer id from a checkout or customer account extension's token (`sub`), null for a guest. */
  buyerCustomerId: string | null | undefined;
};

export type AppEnv = { Bindings: Env; Variables: AppVariables };
