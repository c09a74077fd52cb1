import { Hono } from "hono";
import type { z } from "zod";
import type { AppEnv } from "../../context/app-env.ts";
import { AppError } from "../../errors.ts";
import { tenantContext } from "../../http/tenant-context.ts";
import { listEvents, ListEventsInput, type ApiEvent } from "../../services/events/list-events.ts";
import { validateQuery } from "../../http/validate-input.ts";

export type ListEventsQuery = z.input<typeof ListEventsInput>;
export type ListEventsResponse = { data: ApiEvent[]; nextCursor: string | null };

/** `GET /v1/events?name=&source=&profileId=&since=&limit=&cursor=` → `{ data, nextCursor }`, newest first. */
export const listEventsRoute = new Hono<AppEnv>()
  .get("/events", validateQuery(ListEventsInput), async (c) => {
    const input = c.req.valid("query");
    const ctx = await tenantContext(c);
    const page = await listEvents({ ctx, input });
    if (!page.ok) throw new AppError("validation_failed", page.error.message);
    return c.json(page.value satisfies ListEventsResponse);
  });
