import { Hono } from "hono";
import type { z } from "zod";
import type { AppEnv } from "../../context/app-env.ts";
import type { SegmentView } from "../../services/segments/segment-view.ts";
import { updateSegment, UpdateSegmentInput } from "../../services/segments/update-segment.ts";
import { tenantContext } from "../../http/tenant-context.ts";
import { segmentWriteError } from "./segment-errors.ts";
import { slugParam } from "../../http/slug-param.ts";
import { validateJson } from "../../http/validate-input.ts";

export type UpdateSegmentBody = z.input<typeof UpdateSegmentInput>;
export type UpdateSegmentResponse = SegmentView;

/** `PATCH /segments/:slug` `{ name?, query?, pushMode? }`: the slug stays; a new query is recomputed at once. */
export const updateSegmentRoute = new Hono<AppEnv>()
  .patch("/segments/:slug", slugParam(), validateJson(UpdateSegmentInput), async (c) => {
    const { slug } = c.req.valid("param");
    const patch = c.req.valid("json");
    const updated = await updateSegment({ ctx: await tenantContext(c), input: { slug, patch } });
    if (!updated.ok) throw segmentWriteError(updated.error);
    return c.json(updated.value satisfies UpdateSegmentResponse);
  });
