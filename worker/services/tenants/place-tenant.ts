import { sql, type SQL } from "drizzle-orm";
import { tenantShardsTable } from "../../db/schema/index.ts";
import { col } from "../../db/sql-names.ts";

const t = tenantShardsTable;

/**
 * A new tenant's directory entry on the least-full of `shards` (the worker's `SHARD_<n>` in order, never `DB`):
 * fewest directory entries, ties to the earliest. One statement, so it runs in the batch that creates the tenant
 * and concurrent installs each see the others' entries. A tenant that has an entry keeps it (a reinstall stays).
 */
export function placeTenant(input: { tenantId: string; shards: readonly string[]; now: number }): SQL {
  const entries = sql`(select count(*) from ${t} d where d.${col(t.shard)} = j.value)`;
  // `where true`: SQLite needs it to parse an upsert whose rows come from a select.
  return sql`
    insert into ${t} (${col(t.tenantId)}, ${col(t.shard)}, ${col(t.updatedAt)})
    select ${input.tenantId}, j.value, ${input.now} from json_each(${JSON.stringify(input.shards)}) j where true
    order by ${entries}, j.key limit 1
    on conflict (${col(t.tenantId)}) do nothing`;
}
