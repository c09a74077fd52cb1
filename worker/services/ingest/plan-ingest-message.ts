import type { IngestMessage, PixelBatchMessage, WebhookDeliveryMessage } from "../../../queues/messages.ts";
import { webhookTopic } from "../../shopify/webhook-topics.ts";
import type { Deps } from "../../context/deps.ts";
import { isTombstoned } from "../privacy/index.ts";
import { quarantineRow } from "../quarantine/index.ts";
import { mergeIngestPlan, newIngestPlan, type IngestPlan } from "./ingest-plan.ts";
import type { IngestLookups } from "./load-ingest-lookups.ts";
import { planPixelEvents } from "./plan-pixel-events.ts";
import { planReplay } from "./plan-replay.ts";
import { keepPastEventLimit } from "../billing/events-past-limit.ts";
import { deliveryHeaders, planWebhookDelivery } from "./plan-webhook-delivery.ts";
import { refuseUnconfirmedUninstalls } from "../lifecycle/confirm-uninstalls.ts";

/**
 * The plan for one ingest message. Redeliveries already recorded in `deliveries` plan nothing; whatever cannot be
 * mapped becomes a quarantine row in the same plan, so it is acknowledged and kept, never retried in a loop. A
 * message of a tenant or shop erased by shop/redact plans nothing at all: quarantining it would keep its data again.
 */
export async function planIngestMessage(args: { ctx: Deps; input: { message: IngestMessage; lookups: IngestLookups } }): Promise<IngestPlan> {
  const { ctx, input } = args;
  const { message, lookups } = input;
  switch (message.type) {
    case "webhook":
      return planWebhookMessage(ctx, message, lookups);
    case "pixel":
      if (isTombstoned(lookups.tombstones, { tenantId: message.tenantId })) return newIngestPlan();
      return planPixelMessage(ctx, message, lookups);
    case "quarantine": {
      const plan = newIngestPlan();
      if (isTombstoned(lookups.tombstones, { tenantId: message.tenantId, shop: message.shop, receivedAt: message.receivedAt })) return plan;
      const { type: _type, shop, ...row } = message;
      plan.quarantine.push(quarantineRow({ ...row, shopDomain: shop }));
      return plan;
    }
    case "replay":
      return planReplay({ ctx, input: { quarantineId: message.quarantineId, lookups } });
  }
}

async function planWebhookMessage(deps: Deps, message: WebhookDeliveryMessage, lookups: IngestLookups): Promise<IngestPlan> {
  const plan = newIngestPlan();
  const tenantId = lookups.tenantIdByShop.get(message.shop) ?? null;
  const installedAt = tenantId ? (lookups.installedAtByTenant.get(tenantId) ?? null) : null;
  const erased = isTombstoned(lookups.tombstones, { shop: message.shop, receivedAt: message.receivedAt, shopHasTenant: tenantId !== null });
  // Compliance requests are still recorded: a late one for an erased shop completes at once and proves it.
  if (erased && webhookTopic(message.topic)?.kind !== "compliance") return plan;
  const { type: _type, payloadId, body: inline, ...rest } = message;
  const body = inline ?? (payloadId ? lookups.payloads.get(payloadId) : undefined);
  const delivery = { ...rest, body: body ?? "" };
  if (lookups.seenDeliveries.has(message.deliveryKey)) {
    // Written already; its effects may have failed after the write (the message was then retried), so they run again.
    const kind = webhookTopic(message.topic)?.kind;
    if (body === undefined || (kind !== "lifecycle" && kind !== "compliance")) return plan;
    const again = planWebhookDelivery(delivery, tenantId, installedAt);
    if (again.ok) plan.effects.push(...again.value.effects);
    return plan;
  }
  plan.deliveries.push({ key: message.deliveryKey, tenantId, topic: message.topic, receivedAt: message.receivedAt });
  if (payloadId) plan.spilledPayloads.push(payloadId);
  const planned = body === undefined ? { ok: false as const, error: { reason: `spilled payload ${payloadId} is missing` } } : planWebhookDelivery(delivery, tenantId, installedAt);
  const refused = planned.ok ? await refuseUnconfirmedUninstalls({ ctx: deps, input: { plan: planned.value } }) : null;
  if (planned.ok && !refused) return mergeIngestPlan(plan, planned.value);
  plan.quarantine.push(
    quarantineRow({
      tenantId,
      shopDomain: message.shop,
      source: message.via === "pubsub" ? "pubsub" : "webhook",
      topic: message.topic,
      reason: refused ?? (planned.ok ? "" : planned.error.reason),
      payload: delivery.body,
      headers: deliveryHeaders(delivery),
      receivedAt: message.receivedAt,
    }),
  );
  return plan;
}

// The route checked the body before enqueueing it; an unreadable one here is kept whole in quarantine.
function pixelEvents(message: PixelBatchMessage): unknown[] | null {
  if (message.events) return message.events;
  try {
    const events = (JSON.parse(message.body ?? "") as { events?: unknown } | null)?.events;
    return Array.isArray(events) ? events : null;
  } catch {
    return null;
  }
}

function planPixelMessage(deps: Deps, message: PixelBatchMessage, lookups: IngestLookups): IngestPlan {
  const events = pixelEvents(message);
  if (!lookups.activeKeyIds.has(message.keyId)) {
    // The route's key cache may lag a revoke by a few seconds in other isolates; storage never does.
    deps.log.warn("pixel events refused: key revoked", { tenant: message.tenantId, count: events?.length ?? 0 });
    return newIngestPlan();
  }
  const headers: Record<string, string> = { tenantId: message.tenantId, keyId: message.keyId, clientId: message.clientId };
  if (message.origin) headers.origin = message.origin;
  if (message.userAgent) headers.userAgent = message.userAgent;
  const quarantined = (reason: string, payload: string) =>
    quarantineRow({ tenantId: message.tenantId, shopDomain: null, source: "pixel", topic: null, reason, payload, headers, receivedAt: message.receivedAt });
  if (!events) {
    const plan = newIngestPlan();
    plan.quarantine.push(quarantined("pixel batch body is not { events: [...] }", message.body ?? ""));
    return plan;
  }
  const ctx = { tenantId: message.tenantId, clientId: message.clientId, receivedAt: message.receivedAt };
  const { plan, rejected } = planPixelEvents(ctx, events);
  for (const { event, reason } of rejected) plan.quarantine.push(quarantined(reason, JSON.stringify(event)));
  const limit = lookups.overEventLimit.get(message.tenantId);
  if (limit) {
    const { kept, dropped } = limit === "past_storefront_cap" ? { kept: [], dropped: plan.events.length } : keepPastEventLimit(plan.events);
    plan.events = kept;
    if (dropped > 0) deps.log.info("pixel events past the plan's monthly limit not stored", { tenant: message.tenantId, count: dropped, limit });
  }
  return plan;
}
