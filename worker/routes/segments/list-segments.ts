import type { Hono } from "hono";
import type { AppEnv } from "../../env.ts";
import { listSegments } from "../../services/segments/list-segments.ts";
import type { SegmentView } from "../../services/segments/segment-view.ts";
import { tenantContext } from "../tenant-context.ts";

export type ListSegmentsResponse = { data: SegmentView[]; nextCursor: null };

/** `GET /segments`: every live segment of the workspace, oldest first (one page). */
export function registerListSegments(app: Hono<AppEnv>): void {
  app.get("/segments", async (c) => c.json({ data: await listSegments({ ctx: tenantContext(c) }), nextCursor: null } satisfies ListSegmentsResponse));
}
