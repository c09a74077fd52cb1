import { createDb, type Db } from "../db/client.ts";
import type { Config } from "../env.ts";
import type { Logger } from "../lib/log.ts";
import { readTenantShard, TenantDirectoryError, TenantMovingError } from "./tenant-directory.ts";

declare const plane: unique symbol;
/** A database handle marked with its plane, so a tenant's context cannot be passed where the control database is meant. */
type OnPlane<T, P extends "control" | "data"> = T & { readonly [plane]?: P };

/** The control database: tenants, credentials, keys, connect links, billing, tombstones, dead letters, the shard directory. */
export type ControlPlane = { db: OnPlane<Db, "control">; d1: OnPlane<D1Database, "control"> };

/**
 * What every service needs, resolved once at the edge of fetch/queue/scheduled and passed in. `db` (drizzle) and
 * `d1` (the raw binding, for batches) are the control database; a tenant's data is reached through `forTenant`.
 */
export type Deps = { env: Env; config: Config; log: Logger } & ControlPlane;

/**
 * Work on one tenant: `db`/`d1` are the data shard its directory entry names, `control` the control database. Every
 * query a service makes with it filters by `tenantId`.
 */
export type TenantContext = Omit<Deps, "db" | "d1"> & {
  tenantId: string;
  /** The binding name of the tenant's shard (`SHARD_<n>`, or `DB` for a tenant from before sharding). */
  shard: string;
  db: OnPlane<Db, "data">;
  d1: OnPlane<D1Database, "data">;
  control: ControlPlane;
};

/**
 * One tenant's rows in the control database (its tenant row, credentials, keys, connect links, billing): what a
 * control-plane service on one tenant takes. A TenantContext is not one (its `db` is on the data plane).
 */
export type TenantControl = Deps & { tenantId: string };

/** `write` refuses a tenant frozen by a move (TenantMovingError); `read` serves it from its current shard. */
export type TenantAccess = "read" | "write";

/** The binding name of the control database; as a shard it holds the data of tenants placed before sharding. */
export const CONTROL_SHARD = "DB";
const DATA_SHARD_NAME = /^SHARD_(\d+)$/;

// The only reader of the D1 bindings: which database a request works on is decided here and in forTenant.
export function createDeps(env: Env, config: Config, log: Logger): Deps {
  return { env, config, db: createDb(env.DB), d1: env.DB, log };
}

function isD1(value: unknown): value is D1Database {
  return typeof value === "object" && value !== null && "prepare" in value && "batch" in value;
}

/** The data shards bound on this worker (`SHARD_<n>`, never `DB`), by number: where new tenants are placed. */
export function dataShardNames(env: Env): string[] {
  const bindings = env as unknown as Record<string, unknown>;
  return Object.keys(bindings)
    .filter((name) => DATA_SHARD_NAME.test(name) && isD1(bindings[name]))
    .sort((a, b) => Number(a.slice("SHARD_".length)) - Number(b.slice("SHARD_".length)));
}

/** The D1 binding a directory entry names; an unknown name is an error, never a fallback to another database. */
export function shardDatabase(env: Env, shard: string): D1Database {
  if (shard === CONTROL_SHARD) return env.DB;
  const binding = DATA_SHARD_NAME.test(shard) ? (env as unknown as Record<string, unknown>)[shard] : undefined;
  if (!isD1(binding)) throw new TenantDirectoryError(`Shard ${shard} is not a D1 binding of this worker.`);
  return binding;
}

/** The control database of a tenant's context, as the Deps a control-plane service takes. */
export function controlDeps(ctx: Pick<TenantContext, "env" | "config" | "log" | "control">): Deps {
  return { env: ctx.env, config: ctx.config, log: ctx.log, ...ctx.control };
}

/** The control database of a tenant's context, with the tenant: for services on its control-plane rows. */
export function tenantControl(ctx: Pick<TenantContext, "env" | "config" | "log" | "control" | "tenantId">): TenantControl {
  return { ...controlDeps(ctx), tenantId: ctx.tenantId };
}

/**
 * The context of work on one tenant, on the shard its directory entry names (cached per isolate for
 * TENANT_DIRECTORY_TTL_MS). Throws TenantDirectoryError for a tenant without an entry and, unless `access` is
 * `read`, TenantMovingError while a move has the tenant frozen.
 */
export async function forTenant(deps: Deps, tenantId: string, options: { access?: TenantAccess } = {}): Promise<TenantContext> {
  const entry = await readTenantShard(deps.db, tenantId);
  if (entry.state === "frozen" && options.access !== "read") throw new TenantMovingError(tenantId);
  const d1 = shardDatabase(deps.env, entry.shard);
  return { env: deps.env, config: deps.config, log: deps.log, tenantId, shard: entry.shard, db: createDb(d1), d1, control: { db: deps.db, d1: deps.d1 } };
}
