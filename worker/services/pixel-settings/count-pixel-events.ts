import { and, count, desc, eq, gte, sql } from "drizzle-orm";
import { eventsTable } from "../../db/schema/index.ts";
import type { TenantContext } from "../../context/deps.ts";

export type PixelEventCounts = {
  asOf: string;
  lastHour: number;
  lastDay: number;
  byName: { name: string; lastHour: number; lastDay: number }[];
};

const HOUR_MS = 3_600_000;

/** Pixel events stored in the last hour and 24 h by canonical name, by when they happened (the (tenant, occurred_at) index). */
export async function countPixelEvents(args: { ctx: TenantContext }): Promise<PixelEventCounts> {
  const { ctx } = args;
  const now = Date.now();
  const hourAgo = now - HOUR_MS;
  const lastDay = count();
  const rows = await ctx.db
    .select({ name: eventsTable.name, lastDay, lastHour: sql<number>`coalesce(sum(${eventsTable.occurredAt} >= ${hourAgo}), 0)` })
    .from(eventsTable)
    .where(and(eq(eventsTable.tenantId, ctx.tenantId), eq(eventsTable.source, "pixel"), gte(eventsTable.occurredAt, new Date(now - 24 * HOUR_MS))))
    .groupBy(eventsTable.name)
    .orderBy(desc(lastDay), eventsTable.name);
  return {
    asOf: new Date(now).toISOString(),
    lastHour: rows.reduce((sum, row) => sum + row.lastHour, 0),
    lastDay: rows.reduce((sum, row) => sum + row.lastDay, 0),
    byName: rows,
  };
}
