import { count, eq, max } from "drizzle-orm";
import type { TenantContext } from "../../context/deps.ts";
import { ordersTable } from "../../db/schema/profiles.ts";
import { recommendationRefreshesTable } from "../../db/schema/storefront.ts";
import { runStatements } from "../../db/run-statements.ts";
import { recordRefreshStatement, refreshStatements } from "./refresh-statements.ts";

export type RefreshOutcome = { refreshed: boolean; orders: number; ms: number };

// Segment memberships move without any order changing, so scores are rebuilt at least this often anyway.
const REBUILD_AT_LEAST_EVERY_MS = 6 * 3_600_000;

/**
 * Rebuilds the tenant's recommendation scores from its orders, unless no order changed since a rebuild of the
 * last 6 hours (`force` rebuilds anyway). Idempotent: a rerun writes the same rows.
 */
export async function refreshRecommendations({ ctx, input }: { ctx: TenantContext; input: { now: Date; force?: boolean } }): Promise<RefreshOutcome> {
  const started = Date.now();
  const [orders] = await ctx.db
    .select({ count: count(), updatedAt: max(ordersTable.updatedAt) })
    .from(ordersTable)
    .where(eq(ordersTable.tenantId, ctx.tenantId));
  const ordersUpdatedAt = orders?.updatedAt?.getTime() ?? null;
  if (!input.force) {
    const [last] = await ctx.db
      .select({ ordersUpdatedAt: recommendationRefreshesTable.ordersUpdatedAt, refreshedAt: recommendationRefreshesTable.refreshedAt })
      .from(recommendationRefreshesTable)
      .where(eq(recommendationRefreshesTable.tenantId, ctx.tenantId));
    const recent = last && input.now.getTime() - last.refreshedAt.getTime() < REBUILD_AT_LEAST_EVERY_MS;
    if (recent && (last.ordersUpdatedAt?.getTime() ?? null) === ordersUpdatedAt) return { refreshed: false, orders: orders?.count ?? 0, ms: Date.now() - started };
  }
  const now = input.now.getTime();
  await runStatements(ctx.d1, refreshStatements({ tenantId: ctx.tenantId, now }));
  const ms = Date.now() - started;
  await runStatements(ctx.d1, [recordRefreshStatement({ tenantId: ctx.tenantId, now, ordersUpdatedAt, orders: orders?.count ?? 0, ms })]);
  return { refreshed: true, orders: orders?.count ?? 0, ms };
}
