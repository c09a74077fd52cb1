import type { Config } from "../env.ts";
import { createDb, type Db } from "../db/client.ts";
import type { Logger } from "../lib/log.ts";

/** What every service needs, resolved once at the edge of fetch/queue/scheduled and passed in. */
export type Deps = { env: Env; config: Config; db: Db; log: Logger };

/** Deps for work on one tenant; every query a service makes with it filters by `tenantId`. */
export type TenantContext = Deps & { tenantId: string };

export function createDeps(env: Env, config: Config, log: Logger): Deps {
  return { env, config, db: createDb(env.DB), log };
}
