import { createDb, type Db } from "../db/client.ts";
import type { Config } from "../env.ts";
import type { Logger } from "../lib/log.ts";

/**
 * What every service needs, resolved once at the edge of fetch/queue/scheduled and passed in. Services reach D1
 * only through `db` (drizzle) or `d1` (the raw binding, for batches of prepared statements), never `env.DB`.
 */
export type Deps = { env: Env; config: Config; db: Db; d1: D1Database; log: Logger };

/** Deps for work on one tenant; every query a service makes with it filters by `tenantId`. */
export type TenantContext = Deps & { tenantId: string };

// The only reader of the D1 binding: which database a request works on is decided here and in forTenant.
export function createDeps(env: Env, config: Config, log: Logger): Deps {
  return { env, config, db: createDb(env.DB), d1: env.DB, log };
}

/** The context of work on one tenant; where a tenant's own database will be chosen once tenants span several. */
export function forTenant(deps: Deps, tenantId: string): TenantContext {
  return { ...deps, tenantId };
}
