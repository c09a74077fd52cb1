import type { PixelBatchMessage } from "../../../queues/messages.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import type { Deps } from "../../context/deps.ts";
import { findPixelKeyById } from "./find-pixel-key.ts";
import { MAX_BATCH_EVENTS } from "./load-pixel-config.ts";
import { limitPixelKey, parseJsonBody, type PixelRefusal } from "./pixel-refusal.ts";
import { verifyPixelToken } from "./pixel-token.ts";

const MAX_TOKEN_CHARS = 1_000;

/** `{ token, events }` where each event names its id, name and visitor; the consumer validates the rest, event by event. */
type EventsInput = { token: string; events: { id: string; name: string; clientId: string }[] };

// A cheap check in place: a schema validator would walk (or copy) every event of the batch on the hot path.
function readEventsInput(text: string): EventsInput | null {
  const body = parseJsonBody(text) as { token?: unknown; events?: unknown } | null | undefined;
  if (typeof body !== "object" || body === null) return null;
  const { token, events } = body;
  if (typeof token !== "string" || token.length === 0 || token.length > MAX_TOKEN_CHARS) return null;
  if (!Array.isArray(events) || events.length === 0) return null;
  for (const event of events as { id?: unknown; name?: unknown; clientId?: unknown }[]) {
    if (typeof event !== "object" || event === null || typeof event.id !== "string" || typeof event.name !== "string" || typeof event.clientId !== "string") return null;
  }
  return { token, events: events as EventsInput["events"] };
}

export type PixelRequestMeta = { origin: string | null; userAgent: string | null };

/**
 * The events call: a valid token, a live key and room under the rate limit, then the batch goes to the queue as
 * delivered (the raw body: nothing is copied or serialized twice). The visitor is the token's; an event claiming
 * another clientId refuses the batch.
 */
export async function acceptPixelEvents(args: { ctx: Deps; input: { text: string; meta: PixelRequestMeta } }): Promise<Result<{ accepted: number }, PixelRefusal>> {
  const { ctx, input } = args;
  const { text, meta } = input;
  const now = Date.now();
  const body = readEventsInput(text);
  if (!body) return err({ reason: "invalid_body", message: "Send { token, events: [Web Pixels events] } as JSON." });
  const { token, events } = body;
  if (events.length > MAX_BATCH_EVENTS) return err({ reason: "too_many_events", message: `At most ${MAX_BATCH_EVENTS} events per request.` });
  const claims = await verifyPixelToken(ctx.config.TOKEN_ENCRYPTION_KEY, token, now);
  if (!claims.ok) return err({ reason: "invalid_token", message: `Pixel token ${claims.error.reason.replace("_", " ")}; handshake again.` });
  const { tenantId, keyId, clientId } = claims.value;
  for (const event of events) {
    if (event.clientId !== clientId) return err({ reason: "invalid_body", message: "Every event must come from the visitor the token was issued to." });
  }
  const key = await findPixelKeyById({ ctx, input: { keyId, now } });
  if (!key || key.revoked) return err({ reason: "revoked_key", message: "This pixel's key has been revoked." });
  const limited = await limitPixelKey({ ctx, input: { keyId } });
  if (limited) return err(limited);

  const message: PixelBatchMessage = { type: "pixel", tenantId, keyId, clientId, receivedAt: now, origin: meta.origin, userAgent: meta.userAgent, body: text };
  await ctx.env.INGEST_QUEUE.send(message);
  return ok({ accepted: events.length });
}
