import { and, eq, isNull, lt, notExists, type SQL } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { shardDatabase, type Deps } from "../../context/deps.ts";
import { createDb } from "../../db/client.ts";
import { inJsonValues } from "../../db/sql-json.ts";
import {
  apiKeysTable,
  connectLinksTable,
  deliveriesTable,
  eventsTable,
  profilesTable,
  shopCredentialsTable,
  tenantShardsTable,
  tenantsTable,
} from "../../db/schema/index.ts";

/** A merchant who opens the app again within a day retries the exchange on the same row; after that it is litter. */
export const ORPHAN_GRACE_MS = 24 * 60 * 60_000;
const MAX_PER_RUN = 500;

// Still what a failed exchange leaves: checked again by the delete itself, so a row that got a token meanwhile stays.
const NEVER_INSTALLED = and(eq(tenantsTable.status, "installing"), isNull(tenantsTable.installedAt), eq(tenantsTable.grantedScopes, ""));

/**
 * Tenant rows a token exchange created and then failed: still `installing`, never installed, no scopes, and
 * nothing else of theirs stored anywhere (no token, key or connect link in the control database; no event,
 * delivery or profile on the shard their directory entry names). A real tenant always has one of those, so it is
 * never touched. The directory entry goes with the row. Answers how many were deleted.
 */
export async function deleteOrphanTenants(args: { ctx: Deps; input: { now: number } }): Promise<number> {
  const { ctx, input } = args;
  const none = (table: SQLiteTable, column: SQLiteColumn): SQL => notExists(ctx.db.select({ one: column }).from(table).where(eq(column, tenantsTable.id)));
  const candidates = await ctx.db
    .select({ id: tenantsTable.id, shard: tenantShardsTable.shard })
    .from(tenantsTable)
    .leftJoin(tenantShardsTable, eq(tenantShardsTable.tenantId, tenantsTable.id))
    .where(
      and(
        NEVER_INSTALLED,
        lt(tenantsTable.createdAt, new Date(input.now - ORPHAN_GRACE_MS)),
        none(shopCredentialsTable, shopCredentialsTable.tenantId),
        none(apiKeysTable, apiKeysTable.tenantId),
        none(connectLinksTable, connectLinksTable.tenantId),
      ),
    )
    .limit(MAX_PER_RUN);
  const byShard = new Map<string | null, string[]>();
  for (const { id, shard } of candidates) byShard.set(shard, [...(byShard.get(shard) ?? []), id]);
  const orphans: string[] = [];
  for (const [shard, ids] of byShard) orphans.push(...(shard === null ? ids : await withoutData(ctx, shard, ids)));
  if (orphans.length === 0) return 0;
  const [deleted] = await ctx.db.batch([
    ctx.db.delete(tenantsTable).where(and(inJsonValues(tenantsTable.id, orphans), NEVER_INSTALLED)).returning({ id: tenantsTable.id }),
    ctx.db.delete(tenantShardsTable).where(and(inJsonValues(tenantShardsTable.tenantId, orphans), notExists(ctx.db.select({ one: tenantsTable.id }).from(tenantsTable).where(eq(tenantsTable.id, tenantShardsTable.tenantId))))),
  ]);
  return deleted.length;
}

/** Of `tenantIds` on `shard`, those with no event, delivery or profile there. */
async function withoutData(ctx: Deps, shard: string, tenantIds: string[]): Promise<string[]> {
  const db = createDb(shardDatabase(ctx.env, shard));
  const holding = await Promise.all(
    [eventsTable, deliveriesTable, profilesTable].map((table) =>
      db.selectDistinct({ id: table.tenantId }).from(table).where(inJsonValues(table.tenantId, tenantIds)),
    ),
  );
  const held = new Set(holding.flat().map((row) => row.id));
  return tenantIds.filter((id) => !held.has(id));
}
