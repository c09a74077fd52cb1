import { sql } from "drizzle-orm";
import { mentionsTable, productsTable } from "../../db/schema/index.ts";
import { inJsonValues } from "../../db/sql-json.ts";
import type { TenantContext } from "../../context/deps.ts";

export const MENTION_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Recounts `mention_count_30d` over the last 30 days: for the given products (after new mentions), or for every
 * product with a count or a mention in the window (nightly, so old mentions age out). Answers the products changed.
 */
export async function refreshMentionCounts(args: { ctx: TenantContext; input: { now: number; productIds?: readonly string[] } }): Promise<number> {
  const { ctx, input } = args;
  const since = input.now - MENTION_WINDOW_MS;
  const counted = sql`(select count(*) from ${mentionsTable} where ${mentionsTable.tenantId} = ${ctx.tenantId}
    and ${mentionsTable.productId} = ${productsTable.id} and ${mentionsTable.occurredAt} >= ${since})`;
  const which = input.productIds
    ? inJsonValues(productsTable.id, input.productIds)
    : sql`(${productsTable.mentionCount30d} > 0 or ${productsTable.id} in (select ${mentionsTable.productId} from ${mentionsTable}
        where ${mentionsTable.tenantId} = ${ctx.tenantId} and ${mentionsTable.occurredAt} >= ${since}))`;
  const changed = await ctx.db
    .update(productsTable)
    .set({ mentionCount30d: counted })
    .where(sql`${productsTable.tenantId} = ${ctx.tenantId} and ${which} and ${productsTable.mentionCount30d} != ${counted}`)
    .returning({ id: productsTable.id });
  return changed.length;
}
