import { Hono } from "hono";
import type { z } from "zod";
import type { AppEnv } from "../../context/app-env.ts";
import { createSegment, CreateSegmentInput } from "../../services/segments/create-segment.ts";
import type { SegmentView } from "../../services/segments/segment-view.ts";
import { tenantContext } from "../../http/tenant-context.ts";
import { segmentWriteError } from "./segment-errors.ts";
import { validateJson } from "../../http/validate-input.ts";

export type CreateSegmentBody = z.input<typeof CreateSegmentInput>;
export type CreateSegmentResponse = SegmentView;

/** `POST /segments` `{ name, kind, query, pushMode? }`: the slug comes from the name; a DSL error answers 400 with its line and column. */
export const createSegmentRoute = new Hono<AppEnv>()
  .post("/segments", validateJson(CreateSegmentInput), async (c) => {
    const input = c.req.valid("json");
    const created = await createSegment({ ctx: await tenantContext(c), input });
    if (!created.ok) throw segmentWriteError(created.error);
    return c.json(created.value satisfies CreateSegmentResponse, 201);
  });
