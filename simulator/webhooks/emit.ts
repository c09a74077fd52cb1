import { randomUUID } from "node:crypto";
import { COMPLIANCE_TOPICS, topicToEnum } from "../store/topics.ts";
import type { Delivery, ShopState, SimContext, Via } from "../types.ts";
import { buildDelivery } from "./build-delivery.ts";
import { dispatch } from "./dispatch.ts";
import { subscribedMetafields } from "./payloads/subscribed-metafields.ts";

export interface WebhookEvent {
  topic: string;
  payload: unknown;
  /** The resource's GID when its subscription may ask for its metafields (`metafields` in the payload). */
  owner?: string;
}

export interface EmitOptions {
  via?: Via;
  triggeredAt?: number;
  /** Changes the app made itself through the Admin API; muted when the shop's emitAppCausedWebhooks is off. */
  appCaused?: boolean;
}

function routeFor(shop: ShopState, topic: string, via: Via | undefined): Via | null {
  if (COMPLIANCE_TOPICS.has(topic)) return "https";
  const subscription = shop.webhookSubscriptions.find((sub) => sub.topic === topicToEnum(topic));
  if (!subscription && !shop.settings.appTopics.includes(topic)) return null;
  if (via) return via;
  return subscription?.uri.startsWith("pubsub://") ? "pubsub" : shop.settings.defaultVia;
}

/** Delivers the webhooks one store change causes; they share one X-Shopify-Event-Id like Shopify's. */
export async function emitWebhooks(ctx: SimContext, shop: ShopState, events: WebhookEvent[], options: EmitOptions = {}): Promise<Delivery[]> {
  if (options.appCaused && !shop.settings.emitAppCausedWebhooks) return [];
  const eventId = randomUUID();
  const triggeredAt = new Date(options.triggeredAt ?? Date.now()).toISOString();
  const deliveries: Delivery[] = [];
  for (const event of events) {
    if (!shop.installed && event.topic !== "app/uninstalled" && !COMPLIANCE_TOPICS.has(event.topic)) continue;
    const via = routeFor(shop, event.topic, options.via);
    if (!via) continue;
    const subscription = shop.webhookSubscriptions.find((sub) => sub.topic === topicToEnum(event.topic));
    const metafields = event.owner ? subscribedMetafields(shop, subscription, event.owner, ctx.options.app.apiKey) : null;
    const body = JSON.stringify(metafields === null ? event.payload : { ...(event.payload as object), metafields });
    deliveries.push(await dispatch(ctx, shop, buildDelivery(ctx, shop, { topic: event.topic, body, via, eventId, triggeredAt })));
  }
  return deliveries;
}
