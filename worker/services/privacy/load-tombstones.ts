import { sql } from "drizzle-orm";
import type { Deps } from "../../context/deps.ts";
import { shopTombstonesTable, tenantTombstonesTable } from "../../db/schema/index.ts";
import { shopHash, tenantHash } from "./subject-hash.ts";

/** Tenants erased by shop/redact, and erased shops with when: what queue consumers drop instead of processing. */
export type Tombstones = { tenants: Set<string>; shopsRedactedAt: Map<string, number> };

export const NO_TOMBSTONES: Tombstones = { tenants: new Set(), shopsRedactedAt: new Map() };

const jsonList = (values: readonly string[]) => sql`(select value from json_each(${JSON.stringify(values)}))`;

/** One query for a whole batch: which of these tenants and shops were erased (none asked, none read). */
export async function loadTombstones(args: { ctx: Deps; input: { tenantIds: Iterable<string>; shops: Iterable<string> } }): Promise<Tombstones> {
  const { ctx, input } = args;
  const key = ctx.config.TOKEN_ENCRYPTION_KEY;
  const tenantIds = [...new Set(input.tenantIds)];
  const shops = [...new Set(input.shops)];
  if (tenantIds.length === 0 && shops.length === 0) return NO_TOMBSTONES;
  const [tenantHashes, shopHashes] = await Promise.all([
    Promise.all(tenantIds.map((id) => tenantHash(key, id))),
    Promise.all(shops.map((shop) => shopHash(key, shop))),
  ]);
  const rows = await ctx.db.all<{ kind: "tenant" | "shop"; hash: string; redacted_at: number }>(sql`
    select 'tenant' as kind, ${tenantTombstonesTable.tenantHash} as hash, ${tenantTombstonesTable.redactedAt} as redacted_at
    from ${tenantTombstonesTable} where ${tenantTombstonesTable.tenantHash} in ${jsonList(tenantHashes)}
    union all
    select 'shop', ${shopTombstonesTable.shopHash}, ${shopTombstonesTable.redactedAt}
    from ${shopTombstonesTable} where ${shopTombstonesTable.shopHash} in ${jsonList(shopHashes)}
  `);
  const erased = new Map(rows.map((row) => [`${row.kind}:${row.hash}`, row.redacted_at]));
  return {
    tenants: new Set(tenantIds.filter((_id, i) => erased.has(`tenant:${tenantHashes[i]}`))),
    shopsRedactedAt: new Map(shops.flatMap((shop, i) => {
      const at = erased.get(`shop:${shopHashes[i]}`);
      return at === undefined ? [] : [[shop, at] as const];
    })),
  };
}

/**
 * Whether a message of this tenant or shop belongs to an erased one: a tenant tombstone drops everything; a shop
 * tombstone drops what was received before the erasure, or anything while the shop has no tenant again.
 */
export function isTombstoned(tombstones: Tombstones, message: { tenantId?: string | null; shop?: string | null; receivedAt?: number; shopHasTenant?: boolean }): boolean {
  if (message.tenantId && tombstones.tenants.has(message.tenantId)) return true;
  const redactedAt = message.shop ? tombstones.shopsRedactedAt.get(message.shop) : undefined;
  if (redactedAt === undefined) return false;
  return message.shopHasTenant === false || message.receivedAt === undefined || message.receivedAt <= redactedAt;
}
