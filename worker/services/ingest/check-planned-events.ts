import { err, ok, type Result } from "../../lib/result.ts";
import { EVENT_PROPERTIES } from "./event-properties.ts";
import type { PlannedEvent } from "./ingest-plan.ts";
import type { Unmappable } from "./read-result.ts";

/** Validates every planned event's properties against its canonical schema; a mismatch quarantines the input. */
export function checkPlannedEvents(events: PlannedEvent[]): Result<void, Unmappable> {
  for (const event of events) {
    const parsed = EVENT_PROPERTIES[event.name].safeParse(event.properties);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return err({ reason: `${event.name} properties: ${issue?.path.join(".") ?? ""} ${issue?.message ?? "invalid"}`.trim() });
    }
    event.properties = parsed.data as Record<string, unknown>;
  }
  return ok(undefined);
}
