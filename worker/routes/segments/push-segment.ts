import { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { AppError } from "../../errors.ts";
import { findSegment } from "../../services/segments/find-segment.ts";
import { requestSegmentPush } from "../../services/segments/push/request-segment-push.ts";
import { tenantContext } from "../../http/tenant-context.ts";
import { slugParam } from "../../http/slug-param.ts";

export type PushSegmentResponse = { slug: string; queued: true };

/** `POST /segments/:slug/push`: queues a push now; the outcome shows up as the segment's `lastPush`. */
export const pushSegmentRoute = new Hono<AppEnv>()
  .post("/segments/:slug/push", slugParam(), async (c) => {
    const ctx = await tenantContext(c);
    const { slug } = c.req.valid("param");
    const segment = await findSegment({ ctx, input: { slug } });
    if (!segment) throw new AppError("not_found", `No segment ${slug} in this workspace.`);
    if (segment.pushMode === "none") throw new AppError("conflict", `Segment ${slug} is not pushed to Shopify; set its pushMode to tags or native first.`);
    await requestSegmentPush({ ctx, input: { segmentId: segment.id } });
    return c.json({ slug, queued: true } satisfies PushSegmentResponse, 202);
  });
