import { sql, type SQL } from "drizzle-orm";
import { tenantShardsTable } from "../../db/schema/index.ts";
import { col } from "../../db/sql-names.ts";

const t = tenantShardsTable;

/** Shards within this many bytes of each other count as equally full; their directory entries decide between them. */
export const SIZE_STEP_BYTES = 256 * 1024 * 1024;
// A shard whose size is unknown (it did not answer) comes after every measured one.
const UNMEASURED = Number.MAX_SAFE_INTEGER;

/**
 * A new tenant's directory entry on the least-full of `shards` (the worker's `SHARD_<n>` in order, never `DB`): the
 * smallest database in steps of SIZE_STEP_BYTES (`sizes`, measured just before), then the fewest directory entries,
 * then the earliest. One statement, so it runs in the batch that creates the tenant and concurrent installs each see
 * the others' entries. A tenant that has an entry keeps it (a reinstall stays).
 */
export function placeTenant(input: { tenantId: string; shards: readonly string[]; sizes?: ReadonlyMap<string, number | null>; now: number }): SQL {
  const steps = input.shards.map((shard) => {
    const bytes = input.sizes?.get(shard);
    return [shard, bytes === undefined ? 0 : bytes === null ? UNMEASURED : Math.floor(bytes / SIZE_STEP_BYTES)];
  });
  const entries = sql`(select count(*) from ${t} d where d.${col(t.shard)} = (j.value ->> 0))`;
  // `where true`: SQLite needs it to parse an upsert whose rows come from a select.
  return sql`
    insert into ${t} (${col(t.tenantId)}, ${col(t.shard)}, ${col(t.updatedAt)})
    select ${input.tenantId}, j.value ->> 0, ${input.now} from json_each(${JSON.stringify(steps)}) j where true
    order by (j.value ->> 1), ${entries}, j.key limit 1
    on conflict (${col(t.tenantId)}) do nothing`;
}
