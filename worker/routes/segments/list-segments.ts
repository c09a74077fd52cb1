import { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { AppError } from "../../errors.ts";
import { listSegments, ListSegmentsInput, type SegmentsPage } from "../../services/segments/list-segments.ts";
import { validateQuery } from "../../http/validate-input.ts";
import { tenantContext } from "../../http/tenant-context.ts";

export type ListSegmentsResponse = SegmentsPage;

/** `GET /segments?limit=&cursor=` → `{ data, nextCursor }`: the workspace's live segments, oldest first. */
export const listSegmentsRoute = new Hono<AppEnv>()
  .get("/segments", validateQuery(ListSegmentsInput), async (c) => {
    const page = await listSegments({ ctx: await tenantContext(c), input: c.req.valid("query") });
    if (!page.ok) throw new AppError("validation_failed", page.error.message);
    return c.json(page.value satisfies ListSegmentsResponse);
  });
