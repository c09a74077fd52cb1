import { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { AppError } from "../../errors.ts";
import { getSegment, type SegmentDetail } from "../../services/segments/get-segment.ts";
import { tenantContext } from "../../http/tenant-context.ts";
import { slugParam } from "../../http/slug-param.ts";

export type GetSegmentResponse = SegmentDetail;

/** `GET /segments/:slug`: the segment, its translatability and last push, and its size over time. */
export const getSegmentRoute = new Hono<AppEnv>()
  .get("/segments/:slug", slugParam(), async (c) => {
    const found = await getSegment({ ctx: await tenantContext(c), input: { slug: c.req.valid("param").slug } });
    if (!found.ok) throw new AppError("not_found", found.error.message);
    return c.json(found.value satisfies GetSegmentResponse);
  });
