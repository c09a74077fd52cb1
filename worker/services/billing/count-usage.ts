import { and, count, eq, isNull } from "drizzle-orm";
import type { TenantContext } from "../../context/deps.ts";
import { discountRulesTable, landingPagesTable, profilesTable, segmentsTable, usageCountersTable } from "../../db/schema/index.ts";
import type { CountedLimit } from "./plans.ts";

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
    case "profiles":
      return total(db.select({ n: count() }).from(profilesTable).where(and(eq(profilesTable.tenantId, tenantId), isNull(profilesTable.redactedAt))));
    case "segments":
      return total(db.select({ n: count() }).from(segmentsTable).where(and(eq(segmentsTable.tenantId, tenantId), isNull(segmentsTable.deletedAt))));
    case "discounts":
      return total(db.select({ n: count() }).from(discountRulesTable).where(and(eq(discountRulesTable.tenantId, tenantId), eq(discountRulesTable.status, "active"))));
    case "storefrontSurfaces":
      return total(db.select({ n: count() }).from(landingPagesTable).where(eq(landingPagesTable.tenantId, tenantId)));
  }
}

const total = async (query: PromiseLike<{ n: number }[]>) => (await query)[0]?.n ?? 0;
