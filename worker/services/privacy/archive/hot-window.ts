import { and, eq, isNull } from "drizzle-orm";
import type { TenantContext } from "../../../context/deps.ts";
import { segmentsTable, tenantSettingsTable } from "../../../db/schema/index.ts";
import { longestWindowDays, parseSegment } from "../../segments/dsl/index.ts";

export const DEFAULT_HOT_WINDOW_DAYS = 90;
export const MIN_HOT_WINDOW_DAYS = 7;
export const MAX_HOT_WINDOW_DAYS = 3_650;

export type HotWindow = {
  /** The tenant's setting. */
  days: number;
  /** The longest window any live customer segment counts events in (0 when none does). */
  longestSegmentWindowDays: number;
};

/** The longest event window of the tenant's live customer segments: events that young must stay in D1. */
export async function longestSegmentWindowDays(args: { ctx: TenantContext }): Promise<number> {
  const { ctx } = args;
  const rows = await ctx.db
    .select({ queryJson: segmentsTable.queryJson })
    .from(segmentsTable)
    .where(and(eq(segmentsTable.tenantId, ctx.tenantId), eq(segmentsTable.kind, "customer"), isNull(segmentsTable.deletedAt)));
  return Math.max(0, ...rows.map((row) => {
    const ast = parseSegment(row.queryJson, "customer");
    return ast.ok ? longestWindowDays(ast.value) : 0;
  }));
}

export async function loadHotWindow(args: { ctx: TenantContext }): Promise<HotWindow> {
  const { ctx } = args;
  const [row, longest] = await Promise.all([
    ctx.db.select({ days: tenantSettingsTable.hotWindowDays }).from(tenantSettingsTable).where(eq(tenantSettingsTable.tenantId, ctx.tenantId)).get(),
    longestSegmentWindowDays({ ctx }),
  ]);
  return { days: row?.days ?? DEFAULT_HOT_WINDOW_DAYS, longestSegmentWindowDays: longest };
}

/**
 * The days the archive leaves in D1: the setting, or longer while a segment saved before the setting (or before this
 * rule existed) still counts events further back, so archiving never changes a segment's members.
 */
export const effectiveHotWindowDays = (hot: HotWindow): number => Math.max(hot.days, hot.longestSegmentWindowDays);
