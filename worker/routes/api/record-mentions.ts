import { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { validateJson } from "../../http/validate-input.ts";
import { tenantContext } from "../../http/tenant-context.ts";
import { RecordMentionsInput } from "../../services/mentions/mention-input.ts";
import { recordMentions, type RecordedMentions } from "../../services/mentions/record-mentions.ts";

export type RecordMentionsResponse = RecordedMentions;

/** `POST /v1/mentions`: up to 500 AI-visibility mentions, stored once each; answers per mention (docs/ai-readability.md#mentions). */
export const recordMentionsRoute = new Hono<AppEnv>()
  .post("/mentions", validateJson(RecordMentionsInput), async (c) => {
    const recorded = await recordMentions({ ctx: await tenantContext(c), input: { ...c.req.valid("json"), now: Date.now() } });
    return c.json(recorded satisfies RecordMentionsResponse);
  });
