import { and, eq, sql } from "drizzle-orm";
import { checkoutsTable } from "../../db/schema/index.ts";
import type { TenantContext } from "../../context/deps.ts";
import { idFromGid } from "../../shopify/gid.ts";
import type { BulkNode } from "./join-bulk-lines.ts";

/** Tokens a checkout webhook already stored for these abandoned checkouts, so the backfill keys them the same way. */
export async function loadKnownCheckoutTokens(args: { ctx: TenantContext; input: { roots: readonly BulkNode[] } }): Promise<Map<string, string>> {
  const { ctx, input } = args;
  const ids = input.roots.flatMap((root) => (typeof root.value.id === "string" ? [idFromGid(root.value.id)] : []));
  if (ids.length === 0) return new Map();
  const rows = await ctx.db
    .select({ checkoutId: checkoutsTable.shopifyCheckoutId, token: checkoutsTable.token })
    .from(checkoutsTable)
    .where(and(eq(checkoutsTable.tenantId, ctx.tenantId), sql`${checkoutsTable.shopifyCheckoutId} in (select value from json_each(${JSON.stringify(ids)}))`));
  return new Map(rows.flatMap((row) => (row.checkoutId ? [[row.checkoutId, row.token] as const] : [])));
}
