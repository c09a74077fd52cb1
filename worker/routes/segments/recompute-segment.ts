import { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { AppError } from "../../errors.ts";
import { findSegment } from "../../services/segments/find-segment.ts";
import { recomputeSegment } from "../../services/segments/recompute-segment.ts";
import { tenantContext } from "../../http/tenant-context.ts";
import { segmentQueryError } from "./segment-errors.ts";
import { slugParam } from "../../http/slug-param.ts";

export type RecomputeSegmentResponse = { slug: string; size: number; entered: number; left: number; computedAt: string };

/** `POST /segments/:slug/recompute`: recomputes now and answers the new size and how many entered and left. */
export const recomputeSegmentRoute = new Hono<AppEnv>()
  .post("/segments/:slug/recompute", slugParam(), async (c) => {
    const ctx = await tenantContext(c);
    const { slug } = c.req.valid("param");
    const segment = await findSegment({ ctx, input: { slug } });
    if (!segment) throw new AppError("not_found", `No segment ${slug} in this workspace.`);
    const outcome = await recomputeSegment({ ctx, input: { segment } });
    if (!outcome.ok) throw segmentQueryError(outcome.error);
    const { size, entered, left, computedAt } = outcome.value;
    return c.json({ slug, size, entered, left, computedAt: new Date(computedAt).toISOString() } satisfies RecomputeSegmentResponse);
  });
