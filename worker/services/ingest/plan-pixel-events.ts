import { checkPlannedEvents } from "./check-planned-events.ts";
import { mergeIngestPlan, newIngestPlan, type IngestPlan } from "./ingest-plan.ts";
import { mapPixelEvent, type PixelContext } from "./map-pixel-event.ts";

export type RejectedPixelEvent = { event: unknown; reason: string };

/** Maps a pixel batch event by event: one unmappable event is quarantined without holding back the others. */
export function planPixelEvents(ctx: PixelContext, events: readonly unknown[]): { plan: IngestPlan; rejected: RejectedPixelEvent[] } {
  const plan = newIngestPlan();
  const rejected: RejectedPixelEvent[] = [];
  for (const event of events) {
    const draft = newIngestPlan();
    const mapped = mapPixelEvent(draft, ctx, event);
    const checked = mapped.ok ? checkPlannedEvents(draft.events) : mapped;
    if (checked.ok) mergeIngestPlan(plan, draft);
    else rejected.push({ event, reason: checked.error.reason });
  }
  return { plan, rejected };
}
