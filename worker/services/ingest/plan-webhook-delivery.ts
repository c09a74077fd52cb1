import type { WebhookDeliveryMessage } from "../../../queues/messages.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import { isHandledTopic, webhookTopic } from "../../shopify/webhook-topics.ts";
import { planLifecycleTopic } from "../lifecycle/plan-lifecycle-topic.ts";
import { buildPrivacyRequest } from "../privacy/index.ts";
import { checkPlannedEvents } from "./check-planned-events.ts";
import { newIngestPlan, type IngestPlan } from "./ingest-plan.ts";
import { mapWebhookTopic } from "./map-webhook-topic.ts";
import { parseShopifyJson } from "../../shopify/payload/parse-shopify-json.ts";
import type { Unmappable } from "../../shopify/payload/read-result.ts";

export type WebhookDelivery = Omit<WebhookDeliveryMessage, "type" | "body" | "payloadId"> & { body: string };

function triggeredAtMs(value: string | null): number | null {
  const ms = value ? Date.parse(value) : Number.NaN;
  return Number.isNaN(ms) ? null : ms;
}

/**
 * What one webhook delivery writes, or why it cannot be mapped (the caller quarantines it), by the topic's kind in
 * the registry. Compliance topics are recorded even for an unknown shop; lifecycle topics plan rows and effects.
 */
export function planWebhookDelivery(delivery: WebhookDelivery, tenantId: string | null): Result<IngestPlan, Unmappable> {
  const entry = webhookTopic(delivery.topic);
  if (entry?.subscribed === "none") return err({ reason: `${delivery.topic} is not subscribed: ${entry.unhandled}` });
  const plan = newIngestPlan();
  const parsed = parseShopifyJson(delivery.body);
  if (isHandledTopic(delivery.topic, "compliance")) {
    if (!parsed.ok) return parsed;
    const request = buildPrivacyRequest({ ...delivery, topic: delivery.topic, shopDomain: delivery.shop, tenantId, payload: parsed.value });
    if (!request.ok) return request;
    plan.privacy.push(request.value);
    plan.effects.push({ type: "run_privacy_request", requestId: request.value.id });
    return ok(plan);
  }
  if (!tenantId) return err({ reason: `no SegOps tenant for shop ${delivery.shop}` });
  if (!parsed.ok) return parsed;
  if (entry?.kind === "lifecycle") {
    const planned = planLifecycleTopic(plan, tenantId, delivery.topic, parsed.value);
    return planned.ok ? ok(plan) : planned;
  }
  const ctx = { tenantId, source: "webhook" as const, receivedAt: delivery.receivedAt, triggeredAt: triggeredAtMs(delivery.triggeredAt) };
  const mapped = mapWebhookTopic(plan, ctx, delivery.topic, parsed.value);
  if (!mapped.ok) return mapped;
  const checked = checkPlannedEvents(plan.events);
  return checked.ok ? ok(plan) : checked;
}

/** What a quarantined delivery needs to be replayed later, next to its raw body. */
export function deliveryHeaders(delivery: WebhookDelivery): Record<string, string> {
  const headers: Record<string, string> = { via: delivery.via, deliveryKey: delivery.deliveryKey };
  if (delivery.eventId) headers.eventId = delivery.eventId;
  if (delivery.triggeredAt) headers.triggeredAt = delivery.triggeredAt;
  if (delivery.apiVersion) headers.apiVersion = delivery.apiVersion;
  return headers;
}
