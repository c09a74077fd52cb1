import { and, eq, inArray, isNull, lt, notExists, type SQL } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Deps } from "../../context/deps.ts";
import { apiKeysTable, connectLinksTable, deliveriesTable, eventsTable, profilesTable, shopCredentialsTable, tenantsTable } from "../../db/schema/index.ts";

/** A merchant who opens the app again within a day retries the exchange on the same row; after that it is litter. */
export const ORPHAN_GRACE_MS = 24 * 60 * 60_000;
const MAX_PER_RUN = 500;

/**
 * Tenant rows a token exchange created and then failed: still `installing`, never installed, no scopes, and
 * nothing else of theirs stored anywhere (no token, key, connect link, event, delivery or profile). A real tenant
 * always has one of those, so it is never touched. Answers how many were deleted.
 */
export async function deleteOrphanTenants(args: { ctx: Pick<Deps, "db">; input: { now: number } }): Promise<number> {
  const { ctx, input } = args;
  const none = (table: SQLiteTable, column: SQLiteColumn): SQL => notExists(ctx.db.select({ one: column }).from(table).where(eq(column, tenantsTable.id)));
  const orphans = ctx.db
    .select({ id: tenantsTable.id })
    .from(tenantsTable)
    .where(
      and(
        eq(tenantsTable.status, "installing"),
        isNull(tenantsTable.installedAt),
        eq(tenantsTable.grantedScopes, ""),
        lt(tenantsTable.createdAt, new Date(input.now - ORPHAN_GRACE_MS)),
        none(shopCredentialsTable, shopCredentialsTable.tenantId),
        none(apiKeysTable, apiKeysTable.tenantId),
        none(connectLinksTable, connectLinksTable.tenantId),
        none(eventsTable, eventsTable.tenantId),
        none(deliveriesTable, deliveriesTable.tenantId),
        none(profilesTable, profilesTable.tenantId),
      ),
    )
    .limit(MAX_PER_RUN);
  // The conditions are checked again by the delete itself, so a row that got a token meanwhile stays.
  const deleted = await ctx.db
    .delete(tenantsTable)
    .where(and(inArray(tenantsTable.id, orphans), eq(tenantsTable.status, "installing"), isNull(tenantsTable.installedAt), eq(tenantsTable.grantedScopes, "")))
    .returning({ id: tenantsTable.id });
  return deleted.length;
}
