import { err, ok, type Result } from "../../lib/result.ts";
import type { Deps } from "../../context/deps.ts";
import { pubsubSettings } from "../../env.ts";
import { readPubsubEnvelope } from "./read-pubsub-envelope.ts";
import { attributeLookup, readShopifyHeaders } from "./read-shopify-headers.ts";
import { routeDelivery } from "./route-delivery.ts";
import { pubsubKeySet, verifyPubsubToken, type PubsubTokenRefusal } from "./verify-pubsub-token.ts";

export type PubsubRefusal =
  | { reason: "not_configured" }
  | { reason: "invalid_token"; detail: PubsubTokenRefusal["reason"] }
  | { reason: "malformed_envelope"; message: string };

/**
 * A Pub/Sub push of a Shopify webhook: the OIDC token is verified before the envelope is read. A message without
 * Shopify's topic or shop attributes is acknowledged and quarantined, since Pub/Sub would redeliver it for days.
 */
export async function acceptPubsubPush(args: {
  ctx: Deps;
  input: { bearer: string | null; text: string };
}): Promise<Result<{ outcome: "queued" | "recorded" | "quarantined" }, PubsubRefusal>> {
  const { ctx, input } = args;
  const { bearer, text } = input;
  const receivedAt = Date.now();
  const settings = pubsubSettings(ctx.config);
  if (!settings) return err({ reason: "not_configured" });
  const verified = await verifyPubsubToken(bearer, pubsubKeySet(settings.jwksUrl), settings);
  if (!verified.ok) return err({ reason: "invalid_token", detail: verified.error.reason });
  const envelope = readPubsubEnvelope(text);
  if (!envelope.ok) return err({ reason: "malformed_envelope", message: envelope.error.message });

  const { messageId, attributes, data, dataBytes } = envelope.value;
  const meta = readShopifyHeaders(attributeLookup(attributes));
  const deliveryKey = meta.webhookId ? `webhook:${meta.webhookId}` : `pubsub:${messageId}`;
  if (!meta.topic || !meta.shop) {
    const reason = "Pub/Sub message without X-Shopify-Topic or a valid X-Shopify-Shop-Domain attribute";
    const headers = { ...attributes, deliveryKey, via: "pubsub" };
    await ctx.env.INGEST_QUEUE.send({ type: "quarantine", source: "pubsub", tenantId: null, shop: meta.shop, topic: meta.topic, reason, payload: data, headers, receivedAt });
    return ok({ outcome: "quarantined" });
  }
  const outcome = await routeDelivery({ ctx, input: { via: "pubsub", meta: { ...meta, topic: meta.topic, shop: meta.shop }, deliveryKey, body: data, bodyBytes: dataBytes, receivedAt } });
  return ok({ outcome });
}
