import { Hono } from "hono";
import type { z } from "zod";
import type { AppEnv } from "../../context/app-env.ts";
import type { SegmentError } from "../../services/segments/dsl/index.ts";
import { previewSegment, PreviewSegmentInput, type SegmentPreview } from "../../services/segments/preview-segment.ts";
import { tenantContext } from "../../http/tenant-context.ts";
import { validateJson } from "../../http/validate-input.ts";

export type PreviewSegmentBody = z.input<typeof PreviewSegmentInput>;
/** An invalid query is an expected answer here (the editor asks while the merchant types), not a failed request. */
export type PreviewSegmentResponse = ({ valid: true } & SegmentPreview) | { valid: false; error: SegmentError };

/** `POST /segments/preview` `{ kind, query }`: how many would be members right now, nothing saved. */
export const previewSegmentRoute = new Hono<AppEnv>()
  .post("/segments/preview", validateJson(PreviewSegmentInput), async (c) => {
    const input = c.req.valid("json");
    const preview = await previewSegment({ ctx: await tenantContext(c), input });
    const body: PreviewSegmentResponse = preview.ok ? { valid: true, ...preview.value } : { valid: false, error: preview.error };
    return c.json(body);
  });
