import { isHandledTopic } from "../../shopify/webhook-topics.ts";
import type { Deps } from "../../context/deps.ts";
import { recordPrivacyRequest } from "../privacy/index.ts";
import { enqueueWebhook } from "./enqueue-webhook.ts";
import type { ShopifyHeaders } from "./read-shopify-headers.ts";

/** A verified delivery (HTTPS or Pub/Sub) whose topic and shop are known. */
export type VerifiedDelivery = {
  via: "https" | "pubsub";
  meta: ShopifyHeaders & { topic: string; shop: string };
  deliveryKey: string;
  body: string;
  /** UTF-8 length of `body`: a body too large for a queue message is spilled to D1 first. */
  bodyBytes: number;
  receivedAt: number;
};

/** Compliance topics are recorded at once (they have a deadline); every other topic is enqueued untouched. */
export async function routeDelivery(args: { ctx: Deps; input: VerifiedDelivery }): Promise<"queued" | "recorded" | "quarantined"> {
  const { ctx, input: delivery } = args;
  const { via, meta, deliveryKey, body, receivedAt } = delivery;
  if (isHandledTopic(meta.topic, "compliance")) {
    return recordPrivacyRequest({ ctx, input: { topic: meta.topic, shopDomain: meta.shop, deliveryKey, body, headers: { deliveryKey, via }, receivedAt } });
  }
  const { topic, shop, eventId, triggeredAt, apiVersion } = meta;
  await enqueueWebhook({ ctx, input: { delivery: { via, shop, topic, deliveryKey, eventId, triggeredAt, apiVersion, receivedAt, body }, bodyBytes: delivery.bodyBytes } });
  return "queued";
}
