import { createHmac, randomInt, randomUUID } from "node:crypto";
import { COMPLIANCE_TOPICS } from "../store/topics.ts";
import type { Delivery, ShopState, SimContext, Via } from "../types.ts";
import { pubsubJwt } from "./pubsub-key.ts";

export interface DeliveryInput {
  topic: string;
  body: string;
  via: Via;
  webhookId?: string;
  eventId?: string;
  triggeredAt?: string;
  headers?: Record<string, string>;
}

export function appUrl(ctx: SimContext): string {
  return (ctx.options.app.appUrl ?? "http://127.0.0.1:8787").replace(/\/$/, "");
}

export function buildDelivery(ctx: SimContext, shop: ShopState, input: DeliveryInput): Delivery {
  const webhookId = input.webhookId ?? randomUUID();
  const shopifyHeaders: Record<string, string> = {
    "X-Shopify-Topic": input.topic,
    "X-Shopify-Hmac-Sha256": createHmac("sha256", ctx.options.app.apiSecret).update(input.body, "utf8").digest("base64"),
    "X-Shopify-Shop-Domain": shop.domain,
    "X-Shopify-API-Version": shop.settings.apiVersion,
    "X-Shopify-Webhook-Id": webhookId,
    "X-Shopify-Triggered-At": input.triggeredAt ?? new Date().toISOString(),
    "X-Shopify-Event-Id": input.eventId ?? randomUUID(),
    ...input.headers,
  };
  if (input.via === "https") {
    const path = COMPLIANCE_TOPICS.has(input.topic) ? "/webhooks/compliance" : "/webhooks";
    const headers = { "Content-Type": "application/json", ...shopifyHeaders };
    return { id: webhookId, topic: input.topic, via: "https", url: `${appUrl(ctx)}${path}`, method: "POST", headers, body: input.body };
  }
  const { "X-Shopify-Hmac-Sha256": hmac, ...attributes } = shopifyHeaders;
  const messageId = `${randomInt(1e9, 9e9)}${randomInt(1e6, 9e6)}`;
  const publishTime = new Date().toISOString();
  const envelope = {
    message: {
      attributes: { ...attributes, "X-Shopify-Hmac-SHA256": hmac },
      data: Buffer.from(input.body, "utf8").toString("base64"),
      messageId,
      message_id: messageId,
      publishTime,
      publish_time: publishTime,
    },
    subscription: "projects/segops-sim/subscriptions/shopify-webhooks-push",
  };
  return {
    id: webhookId,
    topic: input.topic,
    via: "pubsub",
    url: `${appUrl(ctx)}/webhooks/pubsub`,
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${pubsubJwt(ctx.pubsubKey, ctx.options.pubsub)}` },
    body: JSON.stringify(envelope),
  };
}
