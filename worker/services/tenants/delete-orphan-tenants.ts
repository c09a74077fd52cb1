import { and, eq, isNull, lt, notExists, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { CONTROL_SHARD, type Deps } from "../../context/deps.ts";
import { forShard } from "../../context/for-shard.ts";
import { apiKeysTable, connectLinksTable, deliveriesTable, eventsTable, profilesTable, shopCredentialsTable, tenantShardsTable, tenantsTable } from "../../db/schema/index.ts";
import { inJsonValues } from "../../db/sql-json.ts";

/** A merchant who opens the app again within a day retries the exchange on the same row; after that it is litter. */
export const ORPHAN_GRACE_MS = 24 * 60 * 60_000;
const MAX_PER_RUN = 500;

/** Which of these tenants have an event, a delivery or a profile on their shard. */
async function tenantsWithData(ctx: Deps, shard: string, tenantIds: string[]): Promise<string[]> {
  const { db } = forShard(ctx, shard);
  const stored = (table: SQLiteTable, column: SQLiteColumn) => sql`exists (select 1 from ${table} where ${column} = t.value)`;
  const rows = await db.all<{ id: string }>(sql`
    select t.value as id from json_each(${JSON.stringify(tenantIds)}) t
    where ${stored(eventsTable, eventsTable.tenantId)} or ${stored(deliveriesTable, deliveriesTable.tenantId)} or ${stored(profilesTable, profilesTable.tenantId)}
  `);
  return rows.map((row) => row.id);
}

/**
 * Tenant rows a token exchange created and then failed: still `installing`, never installed, no scopes, and
 * nothing else of theirs stored anywhere (no token, key or connect link on the control database, no event, delivery
 * or profile on their shard). A real tenant always has one of those, so it is never touched. The directory entry
 * goes with the row. Answers how many were deleted.
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
        eq(tenantsTable.status, "installing"),
        isNull(tenantsTable.installedAt),
        eq(tenantsTable.grantedScopes, ""),
        lt(tenantsTable.createdAt, new Date(input.now - ORPHAN_GRACE_MS)),
        none(shopCredentialsTable, shopCredentialsTable.tenantId),
        none(apiKeysTable, apiKeysTable.tenantId),
        none(connectLinksTable, connectLinksTable.tenantId),
      ),
    )
    .limit(MAX_PER_RUN);
  if (candidates.length === 0) return 0;
  const byShard = new Map<string, string[]>();
  for (const { id, shard } of candidates) {
    const ids = byShard.get(shard ?? CONTROL_SHARD) ?? [];
    ids.push(id);
    byShard.set(shard ?? CONTROL_SHARD, ids);
  }
  const withData = new Set(
    (await Promise.all([...byShard].map(([shard, tenantIds]) => tenantsWithData(ctx, shard, tenantIds)))).flat(),
  );
  const orphans = candidates.filter((candidate) => !withData.has(candidate.id)).map((candidate) => candidate.id);
  if (orphans.length === 0) return 0;
  // The conditions are checked again by the delete itself, so a row that got a token meanwhile stays.
  const deleted = await ctx.db
    .delete(tenantsTable)
    .where(
      and(
        inJsonValues(tenantsTable.id, orphans),
        eq(tenantsTable.status, "installing"),
        isNull(tenantsTable.installedAt),
        eq(tenantsTable.grantedScopes, ""),
      ),
    )
    .returning({ id: tenantsTable.id });
  if (deleted.length > 0) await ctx.db.delete(tenantShardsTable).where(inJsonValues(tenantShardsTable.tenantId, deleted.map((row) => row.id)));
  return deleted.length;
}
