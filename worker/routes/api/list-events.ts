import type { Hono } from "hono";
import type { z } from "zod";
import type { AppEnv } from "../../context/app-env.ts";
import { AppError } from "../../errors.ts";
import { tenantContext } from "../../http/tenant-context.ts";
import { listEvents, ListEventsInput, type ApiEvent } from "../../services/events/list-events.ts";
import { readInput } from "../../http/read-input.ts";

export type ListEventsQuery = z.input<typeof ListEventsInput>;
export type ListEventsResponse = { data: ApiEvent[]; nextCursor: string | null };

/** `GET /v1/events?name=&source=&profileId=&since=&limit=&cursor=` → `{ data, nextCursor }`, newest first. */
export function registerListEvents(app: Hono<AppEnv>): void {
  app.get("/events", async (c) => {
    const input = readInput(ListEventsInput, c.req.query());
    const ctx = tenantContext(c);
    const page = await listEvents({ ctx, input });
    if (!page.ok) throw new AppError("validation_failed", page.error.message);
    return c.json(page.value satisfies ListEventsResponse);
  });
}
