import { createDb } from "../db/client.ts";
import { CONTROL_SHARD, dataShardNames, shardDatabase, type Deps, type TenantContext } from "./deps.ts";

/**
 * One database that holds tenants' data, for work across the tenants placed on it (a cron's scan, an operator's
 * list): every query still filters by the tenants it means. `control` is the control database.
 */
export type ShardContext = Omit<TenantContext, "tenantId">;

export function forShard(deps: Deps, shard: string): ShardContext {
  const d1 = shardDatabase(deps.env, shard);
  return { env: deps.env, config: deps.config, log: deps.log, shard, db: createDb(d1), d1, control: { db: deps.db, d1: deps.d1 } };
}

/** Every database that can hold tenant data: `DB` (tenants placed before sharding, rows of no tenant), then each `SHARD_<n>`. */
export function everyShard(deps: Deps): ShardContext[] {
  return [CONTROL_SHARD, ...dataShardNames(deps.env)].map((shard) => forShard(deps, shard));
}
