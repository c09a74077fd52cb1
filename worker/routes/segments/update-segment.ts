import type { Hono } from "hono";
import type { z } from "zod";
import type { AppEnv } from "../../context/app-env.ts";
import type { SegmentView } from "../../services/segments/segment-view.ts";
import { updateSegment, UpdateSegmentInput } from "../../services/segments/update-segment.ts";
import { tenantContext } from "../../http/tenant-context.ts";
import { segmentWriteError } from "./segment-errors.ts";
import { slugParam } from "../../http/slug-param.ts";
import { readJsonBody } from "../../http/read-json-body.ts";

export type UpdateSegmentBody = z.input<typeof UpdateSegmentInput>;
export type UpdateSegmentResponse = SegmentView;

/** `PATCH /segments/:slug` `{ name?, query?, pushMode? }`: the slug stays; a new query is recomputed at once. */
export function registerUpdateSegment(app: Hono<AppEnv>): void {
  app.patch("/segments/:slug", async (c) => {
    const slug = slugParam(c);
    const patch = await readJsonBody(c, UpdateSegmentInput);
    const updated = await updateSegment({ ctx: tenantContext(c), input: { slug, patch } });
    if (!updated.ok) throw segmentWriteError(updated.error);
    return c.json(updated.value satisfies UpdateSegmentResponse);
  });
}
