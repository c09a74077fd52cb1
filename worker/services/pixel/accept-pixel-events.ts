import { z } from "zod";
import type { PixelBatchMessage } from "../../../queues/messages.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import type { Deps } from "../deps.ts";
import { findPixelKeyById } from "./find-pixel-key.ts";
import { MAX_BATCH_EVENTS } from "./load-pixel-config.ts";
import { limitPixelKey, parseJsonBody, type PixelRefusal } from "./pixel-refusal.ts";
import { verifyPixelToken } from "./pixel-token.ts";

type DeliveredEvent = { id: string; name: string; clientId: string };

const isDeliveredEvent = (value: unknown): value is DeliveredEvent => {
  const event = value as Partial<DeliveredEvent> | null;
  return typeof event === "object" && event !== null && typeof event.id === "string" && typeof event.name === "string" && typeof event.clientId === "string";
};

// z.custom checks events in place: a looseObject would copy every event of the batch on the hot path.
export const EventsInput = z.object({
  token: z.string().min(1).max(1_000),
  events: z.array(z.custom<DeliveredEvent>(isDeliveredEvent)).min(1),
});

export type PixelRequestMeta = { origin: string | null; userAgent: string | null };

/**
 * The events call: a valid token, a live key and room under the rate limit, then the batch goes to the queue as
 * delivered. The visitor is the token's; an event claiming another clientId refuses the batch.
 */
export async function acceptPixelEvents(deps: Deps, text: string, meta: PixelRequestMeta, now = Date.now()): Promise<Result<{ accepted: number }, PixelRefusal>> {
  const input = EventsInput.safeParse(parseJsonBody(text));
  if (!input.success) return err({ reason: "invalid_body", message: "Send { token, events: [Web Pixels events] } as JSON." });
  const { token, events } = input.data;
  if (events.length > MAX_BATCH_EVENTS) return err({ reason: "too_many_events", message: `At most ${MAX_BATCH_EVENTS} events per request.` });
  const claims = await verifyPixelToken(deps.config.TOKEN_ENCRYPTION_KEY, token, now);
  if (!claims.ok) return err({ reason: "invalid_token", message: `Pixel token ${claims.error.reason.replace("_", " ")}; handshake again.` });
  const { tenantId, keyId, clientId } = claims.value;
  if (events.some((event) => event.clientId !== clientId)) {
    return err({ reason: "invalid_body", message: "Every event must come from the visitor the token was issued to." });
  }
  const key = await findPixelKeyById(deps, keyId, now);
  if (!key || key.revoked) return err({ reason: "revoked_key", message: "This pixel's key has been revoked." });
  const limited = await limitPixelKey(deps.env, keyId);
  if (limited) return err(limited);

  const message: PixelBatchMessage = { type: "pixel", tenantId, keyId, clientId, receivedAt: now, origin: meta.origin, userAgent: meta.userAgent, events };
  await deps.env.INGEST_QUEUE.send(message);
  return ok({ accepted: events.length });
}
