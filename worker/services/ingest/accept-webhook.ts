import { bytesToHex } from "../../lib/encoding.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import { verifyWebhookHmac } from "../../shopify/verify-webhook-hmac.ts";
import { isHandledTopic } from "../../shopify/webhook-topics.ts";
import type { Deps } from "../../context/deps.ts";
import { readShopifyHeaders } from "./read-shopify-headers.ts";
import { routeDelivery } from "./route-delivery.ts";

export type WebhookRefusal = { reason: "invalid_hmac" | "missing_headers"; message: string };
export type WebhookAccepted = { topic: string; outcome: "queued" | "recorded" | "quarantined" };

const decoder = new TextDecoder();

/**
 * An HTTPS delivery: the HMAC is checked over the raw bytes (current and previous secret) before anything reads
 * them. Compliance topics are recorded at once; every other topic is enqueued untouched for the consumer.
 */
export async function acceptWebhook(args: { ctx: Deps; input: { rawBody: ArrayBuffer; headers: Headers } }): Promise<Result<WebhookAccepted, WebhookRefusal>> {
  const { ctx, input } = args;
  const { rawBody, headers } = input;
  const receivedAt = Date.now();
  const meta = readShopifyHeaders((name) => headers.get(name));
  const { SHOPIFY_API_SECRET, SHOPIFY_API_SECRET_PREVIOUS } = ctx.config;
  const secrets = SHOPIFY_API_SECRET_PREVIOUS ? [SHOPIFY_API_SECRET, SHOPIFY_API_SECRET_PREVIOUS] : [SHOPIFY_API_SECRET];
  if (!(await verifyWebhookHmac(rawBody, meta.hmac ?? undefined, secrets))) {
    return err({ reason: "invalid_hmac", message: "X-Shopify-Hmac-Sha256 does not match the body." });
  }
  if (!meta.topic || !meta.shop) {
    return err({ reason: "missing_headers", message: "X-Shopify-Topic and a valid X-Shopify-Shop-Domain are required." });
  }
  if (!meta.webhookId && !isHandledTopic(meta.topic, "compliance")) return err({ reason: "missing_headers", message: "X-Shopify-Webhook-Id is required." });
  const body = decoder.decode(rawBody);
  const deliveryKey = meta.webhookId ? `webhook:${meta.webhookId}` : `body:${bytesToHex(new Uint8Array(await crypto.subtle.digest("SHA-256", rawBody)))}`;
  const outcome = await routeDelivery({ ctx, input: { via: "https", meta: { ...meta, topic: meta.topic, shop: meta.shop }, deliveryKey, body, bodyBytes: rawBody.byteLength, receivedAt } });
  return ok({ topic: meta.topic, outcome });
}
