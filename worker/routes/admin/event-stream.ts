import type { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { AppError } from "../../errors.ts";
import { countEventVolume, CountEventVolumeInput, type EventVolumeView } from "../../services/events/count-event-volume.ts";
import { listRecentEvents, ListRecentEventsInput, type RecentEventsView } from "../../services/events/list-recent-events.ts";
import { readInput } from "../../http/read-input.ts";
import { tenantContext } from "../../http/tenant-context.ts";

export type RecentEventsResponse = RecentEventsView;
export type EventVolumeResponse = EventVolumeView;

/** The dashboard's event stream: `GET /events/recent?limit=&after=` (newest first) and `GET /events/volume?days=&utcOffset=`. */
export function registerEventStream(app: Hono<AppEnv>): void {
  app.get("/events/recent", async (c) => {
    const page = await listRecentEvents({ ctx: tenantContext(c), input: readInput(ListRecentEventsInput, c.req.query()) });
    if (!page.ok) throw new AppError("validation_failed", `after: ${page.error.message}`);
    return c.json(page.value satisfies RecentEventsResponse);
  });

  app.get("/events/volume", async (c) => {
    const input = readInput(CountEventVolumeInput, c.req.query());
    return c.json((await countEventVolume({ ctx: tenantContext(c), input })) satisfies EventVolumeResponse);
  });
}
