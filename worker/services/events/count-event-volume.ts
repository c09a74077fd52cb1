import { and, count, eq, gte, lt, sql } from "drizzle-orm";
import { z } from "zod";
import { EVENT_SOURCES, eventsTable, type EventSource } from "../../db/schema/index.ts";
import type { TenantContext } from "../../context/deps.ts";
import { openLaggedReads } from "../../db/open-lagged-reads.ts";

export const CountEventVolumeInput = z.object({
  days: z.coerce.number().int().min(1).max(90).default(14),
  /** Minutes east of UTC (`-new Date().getTimezoneOffset()`), so days start at the merchant's midnight. */
  utcOffset: z.coerce.number().int().min(-840).max(840).default(0),
});

export type VolumeDay = { date: string; total: number } & Record<EventSource, number>;
export type EventVolumeView = { days: VolumeDay[]; sources: readonly EventSource[] };

const DAY_MS = 86_400_000;

/** Events per local day and source, oldest day first, today included; days without events are zeros. */
export async function countEventVolume(args: { ctx: TenantContext; input: z.output<typeof CountEventVolumeInput> }): Promise<EventVolumeView> {
  const { ctx, input } = args;
  const shift = input.utcOffset * 60_000;
  const firstDay = Math.floor((Date.now() + shift) / DAY_MS) - input.days + 1;
  const from = firstDay * DAY_MS - shift;
  const day = sql<number>`cast((${eventsTable.occurredAt} + ${shift}) / ${DAY_MS} as integer)`;
  const rows = await openLaggedReads(ctx).db
    .select({ day, source: eventsTable.source, events: count() })
    .from(eventsTable)
    .where(and(eq(eventsTable.tenantId, ctx.tenantId), gte(eventsTable.occurredAt, new Date(from)), lt(eventsTable.occurredAt, new Date(from + input.days * DAY_MS))))
    .groupBy(day, eventsTable.source);
  const days = Array.from({ length: input.days }, (_, i): VolumeDay => {
    const date = new Date((firstDay + i) * DAY_MS).toISOString().slice(0, 10);
    return { date, total: 0, webhook: 0, pixel: 0, backfill: 0, api: 0 };
  });
  for (const row of rows) {
    const target = days[row.day - firstDay];
    if (!target) continue;
    target[row.source] += row.events;
    target.total += row.events;
  }
  return { days, sources: EVENT_SOURCES };
}
