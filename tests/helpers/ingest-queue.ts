import { QUEUE_NAMES, type IngestMessage } from "../../queues/messages.ts";
import { consumeQueueBatch } from "./queue-batch.ts";

/** Runs the real ingest consumer over these message bodies, as one queue batch. */
export const consumeIngestBatch = (bodies: unknown[]) => consumeQueueBatch(QUEUE_NAMES.ingest, bodies);

/** The body Shopify sends with app/uninstalled: the shop object, whose domain must match the delivery's shop. */
export const appUninstalledBody = (shop: string) => JSON.stringify({ id: 548380009, name: "Super Toys", myshopify_domain: shop });

/** A webhook delivery message as the routes enqueue it. */
export function webhookMessage(shop: string, topic: string, body: string, overrides: Partial<Extract<IngestMessage, { type: "webhook" }>> = {}) {
  return {
    type: "webhook" as const,
    via: "https" as const,
    shop,
    topic,
    deliveryKey: `webhook:${crypto.randomUUID()}`,
    eventId: crypto.randomUUID(),
    triggeredAt: new Date().toISOString(),
    apiVersion: "2026-07",
    receivedAt: Date.now(),
    body,
    ...overrides,
  };
}

/** A pixel batch message as the collector enqueues it for a seeded tenant's public key. */
export function pixelMessage(tenant: { tenantId: string; publicKeyId: string }, clientId: string, events: unknown[]) {
  return {
    type: "pixel" as const,
    tenantId: tenant.tenantId,
    keyId: tenant.publicKeyId,
    clientId,
    receivedAt: Date.now(),
    origin: "https://demo.myshopify.com",
    userAgent: "vitest",
    events,
  };
}
