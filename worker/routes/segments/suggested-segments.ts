import { Hono } from "hono";
import type { z } from "zod";
import type { AppEnv } from "../../context/app-env.ts";
import { acceptSuggestedSegment, AcceptSuggestionInput } from "../../services/segments/accept-suggested-segment.ts";
import { listSuggestedSegments, type SuggestionsView } from "../../services/segments/list-suggested-segments.ts";
import type { SegmentView } from "../../services/segments/segment-view.ts";
import { tenantContext } from "../../http/tenant-context.ts";
import { segmentWriteError } from "./segment-errors.ts";
import { validateJson } from "../../http/validate-input.ts";

export type SuggestedSegmentsResponse = SuggestionsView;
export type AcceptSuggestionBody = z.input<typeof AcceptSuggestionInput>;
export type AcceptSuggestionResponse = SegmentView;

/** `GET /segments/suggestions` once the backfill is in; `POST /segments/suggestions/accept` `{ key }` creates one. */
export const suggestedSegmentsRoutes = new Hono<AppEnv>()
  .get("/segments/suggestions", async (c) => c.json((await listSuggestedSegments({ ctx: await tenantContext(c) })) satisfies SuggestedSegmentsResponse))
  .post("/segments/suggestions/accept", validateJson(AcceptSuggestionInput), async (c) => {
    const input = c.req.valid("json");
    const accepted = await acceptSuggestedSegment({ ctx: await tenantContext(c), input });
    if (!accepted.ok) throw segmentWriteError(accepted.error);
    return c.json(accepted.value.segment satisfies AcceptSuggestionResponse, accepted.value.created ? 201 : 200);
  });
