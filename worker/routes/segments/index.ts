import { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { createSegmentRoute } from "./create-segment.ts";
import { deleteSegmentRoute } from "./delete-segment.ts";
import { getSegmentRoute } from "./get-segment.ts";
import { listSegmentMembersRoute } from "./list-segment-members.ts";
import { listSegmentsRoute } from "./list-segments.ts";
import { previewSegmentRoute } from "./preview-segment.ts";
import { pushSegmentRoute } from "./push-segment.ts";
import { recomputeSegmentRoute } from "./recompute-segment.ts";
import { updateSegmentRoute } from "./update-segment.ts";

/**
 * The segment endpoints, mounted on both /v1 (server key) and /admin/api (session token): the caller's auth
 * middleware sets the tenant, and every service call is scoped to it. Fixed paths come before `:slug`, so the
 * admin mounts its suggestions (suggested-segments.ts) before these.
 */
export const segmentRoutes = new Hono<AppEnv>()
  .route("/", previewSegmentRoute)
  .route("/", listSegmentsRoute)
  .route("/", createSegmentRoute)
  .route("/", getSegmentRoute)
  .route("/", updateSegmentRoute)
  .route("/", deleteSegmentRoute)
  .route("/", recomputeSegmentRoute)
  .route("/", listSegmentMembersRoute)
  .route("/", pushSegmentRoute);
