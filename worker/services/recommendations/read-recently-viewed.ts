import { sql } from "drizzle-orm";
import type { TenantContext } from "../../context/deps.ts";
import { eventsTable } from "../../db/schema/events.ts";
import { col } from "../../db/sql-names.ts";
import { idFromGid } from "../../shopify/gid.ts";

const e = eventsTable;
// The newest views only: the `events_profile_idx` range stops after this many rows whatever the history holds.
const VIEWS_READ = 60;

/** Products the profile viewed, most recent first, from its newest `product_view` events. */
export async function readRecentlyViewed({ ctx, input }: { ctx: TenantContext; input: { profileId: string; limit: number } }): Promise<string[]> {
  const { profileId, limit } = input;
  const rows = await ctx.db.all<{ productId: string | number | null }>(sql`
    select json_extract(${col(e.properties)}, '$.productId') as productId from ${e}
    where ${col(e.tenantId)} = ${ctx.tenantId} and ${col(e.profileId)} = ${profileId} and ${col(e.name)} = 'product_view'
    order by ${col(e.occurredAt)} desc limit ${VIEWS_READ}`);
  const seen: string[] = [];
  for (const { productId } of rows) {
    if (productId === null) continue;
    const id = idFromGid(String(productId));
    if (!seen.includes(id)) seen.push(id);
    if (seen.length === limit) break;
  }
  return seen;
}
