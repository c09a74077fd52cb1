import { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { AppError } from "../../errors.ts";
import { countEventVolume, CountEventVolumeInput, type EventVolumeView } from "../../services/events/count-event-volume.ts";
import { listRecentEvents, ListRecentEventsInput, type RecentEventsView } from "../../services/events/list-recent-events.ts";
import { validateQuery } from "../../http/validate-input.ts";
import { tenantContext } from "../../http/tenant-context.ts";

export type RecentEventsResponse = RecentEventsView;
export type EventVolumeResponse = EventVolumeView;

/** The dashboard's event stream: `GET /events/recent?limit=&after=` (newest first) and `GET /events/volume?days=&utcOffset=`. */
export const eventStreamRoutes = new Hono<AppEnv>()
  .get("/events/recent", validateQuery(ListRecentEventsInput), async (c) => {
    const page = await listRecentEvents({ ctx: await tenantContext(c), input: c.req.valid("query") });
    if (!page.ok) throw new AppError("validation_failed", `after: ${page.error.message}`);
    return c.json(page.value satisfies RecentEventsResponse);
  })
  .get("/events/volume", validateQuery(CountEventVolumeInput), async (c) => {
    const input = c.req.valid("query");
    return c.json((await countEventVolume({ ctx: await tenantContext(c), input })) satisfies EventVolumeResponse);
  });
