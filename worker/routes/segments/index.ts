import type { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { registerCreateSegment } from "./create-segment.ts";
import { registerDeleteSegment } from "./delete-segment.ts";
import { registerGetSegment } from "./get-segment.ts";
import { registerListSegmentMembers } from "./list-segment-members.ts";
import { registerListSegments } from "./list-segments.ts";
import { registerPreviewSegment } from "./preview-segment.ts";
import { registerPushSegment } from "./push-segment.ts";
import { registerRecomputeSegment } from "./recompute-segment.ts";
import { registerSuggestedSegments } from "./suggested-segments.ts";
import { registerUpdateSegment } from "./update-segment.ts";

/**
 * The segment endpoints, mounted on both /v1 (server key) and /admin/api (session token): the caller's auth
 * middleware sets the tenant, and every service call is scoped to it. Fixed paths come before `:slug`.
 */
export function registerSegmentRoutes(app: Hono<AppEnv>, options: { suggestions: boolean }): void {
  if (options.suggestions) registerSuggestedSegments(app);
  registerPreviewSegment(app);
  registerListSegments(app);
  registerCreateSegment(app);
  registerGetSegment(app);
  registerUpdateSegment(app);
  registerDeleteSegment(app);
  registerRecomputeSegment(app);
  registerListSegmentMembers(app);
  registerPushSegment(app);
}
