import { and, count, eq, isNull, type SQL } from "drizzle-orm";
import type { TenantContext } from "../../context/deps.ts";
import { discountRulesTable, landingPagesTable, profilesTable, segmentsTable, usageCountersTable } from "../../db/schema/index.ts";
import type { CountedLimit } from "./plans.ts";

/** The limits counted from rows of the tenant's own tables. */
export type RowLimit = Exclude<CountedLimit, "eventsPerMonth">;

/** The rows a limit counts: one definition for the Billing page, the check before an action and the guarded insert. */
export function usageRows(limit: RowLimit, tenantId: string) {
  switch (limit) {
    case "profiles":
      return { table: profilesTable, where: and(eq(profilesTable.tenantId, tenantId), isNull(profilesTable.redactedAt)) as SQL };
    case "segments":
      return { table: segmentsTable, where: and(eq(segmentsTable.tenantId, tenantId), isNull(segmentsTable.deletedAt)) as SQL };
    case "discounts":
      return { table: discountRulesTable, where: and(eq(discountRulesTable.tenantId, tenantId), eq(discountRulesTable.status, "active")) as SQL };
    case "storefrontSurfaces":
      return { table: landingPagesTable, where: eq(landingPagesTable.tenantId, tenantId) };
  }
}

/** `YYYY-MM` in UTC: the billing month usage counters are kept by. */
export const usagePeriod = (now: number): string => new Date(now).toISOString().slice(0, 7);

/**
 * How much of each counted limit the tenant uses now: events from the month's counter (the ingest consumer keeps it),
 * everything else counted from its own table, so a deleted segment or discount frees its place at once.
 */
export async function countUsage<L extends CountedLimit>(args: { ctx: TenantContext; input: { limits: readonly L[]; now: number } }): Promise<Record<L, number>> {
  const { ctx, input } = args;
  const counted = await Promise.all(input.limits.map(async (limit) => [limit, await countOne(ctx, limit, input.now)] as const));
  return Object.fromEntries(counted) as Record<L, number>;
}

async function countOne(ctx: TenantContext, limit: CountedLimit, now: number): Promise<number> {
  const { db, tenantId } = ctx;
  switch (limit) {
    case "eventsPerMonth": {
      const u = usageCountersTable;
      const row = await db.select({ events: u.events }).from(u).where(and(eq(u.tenantId, tenantId), eq(u.period, usagePeriod(now)))).get();
      return row?.events ?? 0;
    }
    default: {
      const rows = usageRows(limit, tenantId);
      return total(db.select({ n: count() }).from(rows.table).where(rows.where));
    }
  }
}

const total = async (query: PromiseLike<{ n: number }[]>) => (await query)[0]?.n ?? 0;
