import { eq } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import type { Db } from "../db/client.ts";
import { tenantShardsTable } from "../db/schema/index.ts";

/**
 * How long an isolate trusts a directory entry it read. A tenant move waits this long after freezing a tenant (and
 * after switching its shard) before it relies on every isolate seeing the change.
 */
export const TENANT_DIRECTORY_TTL_MS = 5_000;
// Bounded, least recently used out first: one entry per tenant an isolate served in the last few seconds.
const MAX_ENTRIES = 10_000;
/** What a refused write tells the client to wait, in seconds (the `Retry-After` of a 409 `tenant_moving`). */
export const TENANT_MOVING_RETRY_AFTER_S = 5;

export type TenantShardState = (typeof tenantShardsTable.state.enumValues)[number];
export type TenantShardEntry = { shard: string; state: TenantShardState };

/** A write to a tenant whose data is being moved between shards: retry later, never drop or dead-letter. */
export class TenantMovingError extends Error {
  readonly tenantId: string;
  readonly retryAfterSeconds = TENANT_MOVING_RETRY_AFTER_S;
  constructor(tenantId: string) {
    super(`Tenant ${tenantId} is moving to another shard; retry in ${TENANT_MOVING_RETRY_AFTER_S} s.`);
    this.name = "TenantMovingError";
    this.tenantId = tenantId;
  }
}

/** A tenant the directory does not know, or whose entry names a shard this worker has no binding for. */
export class TenantDirectoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TenantDirectoryError";
  }
}

const entries = new LRUCache<string, TenantShardEntry>({ max: MAX_ENTRIES, ttl: TENANT_DIRECTORY_TTL_MS, ttlAutopurge: false });
const counts = { hits: 0, misses: 0 };

/** The tenant's directory entry, from this isolate's cache or the control database (cached values, never promises). */
export async function readTenantShard(control: Db, tenantId: string): Promise<TenantShardEntry> {
  const known = entries.get(tenantId);
  if (known) {
    counts.hits++;
    return known;
  }
  counts.misses++;
  const row = await control
    .select({ shard: tenantShardsTable.shard, state: tenantShardsTable.state })
    .from(tenantShardsTable)
    .where(eq(tenantShardsTable.tenantId, tenantId))
    .get();
  if (!row) throw new TenantDirectoryError(`Tenant ${tenantId} has no entry in tenant_shards, so its data has no shard.`);
  entries.set(tenantId, row);
  return row;
}

/** Drops a cached entry, so this isolate sees a move (or an erasure) at once; others see it within the TTL. */
export function forgetTenantShard(tenantId: string): void {
  entries.delete(tenantId);
}

/** Hits and misses of this isolate's directory cache since it started, for the routing's cost figures. */
export function tenantDirectoryCacheCounts(): { hits: number; misses: number } {
  return { ...counts };
}
