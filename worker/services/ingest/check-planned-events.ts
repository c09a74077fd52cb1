import type { z } from "zod";
import { err, ok, type Result } from "../../lib/result.ts";
import { PROPERTIES_CHECKS } from "./check-properties-in-place.ts";
import { EVENT_PROPERTIES } from "./event-properties.ts";
import type { PlannedEvent } from "./ingest-plan.ts";
import type { Unmappable } from "../../shopify/payload/read-result.ts";

/**
 * Validates the properties of every planned event from index `from` on against its canonical schema; a mismatch
 * quarantines the input. Events of one fact often share one properties object (an order's `order_created` and
 * `purchase`): it is checked once per schema. Properties a plain check passes (check-properties-in-place.ts) are
 * exactly what the schema would return, and skip it.
 */
export function checkPlannedEvents(events: PlannedEvent[], from = 0): Result<void, Unmappable> {
  let last: { input: unknown; schema: z.ZodType; output: Record<string, unknown> } | null = null;
  for (let i = from; i < events.length; i++) {
    const event = events[i]!;
    const schema: z.ZodType = EVENT_PROPERTIES[event.name];
    if (last && last.input === event.properties && last.schema === schema) {
      event.properties = last.output;
      continue;
    }
    if (PROPERTIES_CHECKS[event.name]?.(event.properties)) {
      last = { input: event.properties, schema, output: event.properties };
      continue;
    }
    const parsed = schema.safeParse(event.properties);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return err({ reason: `${event.name} properties: ${issue?.path.join(".") ?? ""} ${issue?.message ?? "invalid"}`.trim() });
    }
    last = { input: event.properties, schema, output: parsed.data as Record<string, unknown> };
    event.properties = last.output;
  }
  return ok(undefined);
}
