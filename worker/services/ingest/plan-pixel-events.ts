import { checkPlannedEvents } from "./check-planned-events.ts";
import { newIngestPlan, planOrRollBack, type IngestPlan } from "./ingest-plan.ts";
import { mapPixelEvent, type PixelContext } from "./map-pixel-event.ts";

export type RejectedPixelEvent = { event: unknown; reason: string };

/**
 * Maps a pixel batch event by event into one plan: one unmappable event is quarantined without holding back the
 * others. The visitor's last-seen time is planned once per batch.
 */
export function planPixelEvents(ctx: PixelContext, events: readonly unknown[]): { plan: IngestPlan; rejected: RejectedPixelEvent[] } {
  const plan = newIngestPlan();
  const rejected: RejectedPixelEvent[] = [];
  for (const event of events) {
    const planned = planOrRollBack(plan, () => {
      const first = plan.events.length;
      const mapped = mapPixelEvent(plan, ctx, event);
      return mapped.ok ? checkPlannedEvents(plan.events, first) : mapped;
    });
    if (!planned.ok) rejected.push({ event, reason: planned.error.reason });
  }
  if (plan.visitors.length > 1) plan.visitors = [plan.visitors.reduce((latest, seen) => (seen.at > latest.at ? seen : latest))];
  return { plan, rejected };
}
