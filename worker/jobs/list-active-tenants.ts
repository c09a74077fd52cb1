import { and, eq } from "drizzle-orm";
import { tenantShardsTable, tenantsTable } from "../db/schema/index.ts";
import type { Deps } from "../context/deps.ts";

export async function listActiveTenantIds({ db }: Deps): Promise<string[]> {
  const rows = await db.select({ id: tenantsTable.id }).from(tenantsTable).where(eq(tenantsTable.status, "active"));
  return rows.map((row) => row.id);
}

/** Active tenants not frozen by a move, by the shard their directory entry names: what a cron scans, shard by shard. */
export async function activeTenantsByShard({ db }: Deps): Promise<Map<string, string[]>> {
  const rows = await db
    .select({ id: tenantsTable.id, shard: tenantShardsTable.shard })
    .from(tenantsTable)
    .innerJoin(tenantShardsTable, eq(tenantShardsTable.tenantId, tenantsTable.id))
    .where(and(eq(tenantsTable.status, "active"), eq(tenantShardsTable.state, "active")));
  const byShard = new Map<string, string[]>();
  for (const row of rows) {
    const ids = byShard.get(row.shard) ?? [];
    ids.push(row.id);
    byShard.set(row.shard, ids);
  }
  return byShard;
}
