import { z } from "zod";
import type { BackfillMessage } from "./backfill-messages.ts";

/** Queue names as declared in wrangler.toml; `queue()` dispatches on them. */
export const QUEUE_NAMES = {
  ingest: "segops-ingest",
  backfill: "segops-backfill",
  shopifyWrites: "segops-shopify-writes",
  privacy: "segops-privacy",
  ingestDlq: "segops-ingest-dlq",
  backfillDlq: "segops-backfill-dlq",
  shopifyWritesDlq: "segops-shopify-writes-dlq",
  privacyDlq: "segops-privacy-dlq",
} as const;

/** A verified Shopify webhook (HTTPS or Pub/Sub); the body is the raw text, or spilled to `ingest_payloads`. */
const webhookDelivery = z
  .object({
    type: z.literal("webhook"),
    via: z.enum(["https", "pubsub"]),
    shop: z.string(),
    topic: z.string(),
    /** `webhook:<X-Shopify-Webhook-Id>`, or `pubsub:<messageId>` when Pub/Sub carried no webhook id. */
    deliveryKey: z.string(),
    eventId: z.string().nullable(),
    triggeredAt: z.string().nullable(),
    apiVersion: z.string().nullable(),
    receivedAt: z.number(),
    body: z.string().optional(),
    payloadId: z.string().optional(),
  })
  .refine((message) => (message.body === undefined) !== (message.payloadId === undefined), "exactly one of body and payloadId");

/** Web Pixels events as delivered, behind a verified pixel token: the tenant, key and visitor come from the token. */
const pixelBatch = z
  .object({
    type: z.literal("pixel"),
    tenantId: z.string(),
    keyId: z.string(),
    clientId: z.string(),
    receivedAt: z.number(),
    origin: z.string().nullable(),
    userAgent: z.string().nullable(),
    /** The request body as received (`{ token, events }`): the consumer parses it once, the route never re-serializes it. */
    body: z.string().optional(),
    /** The events themselves, in messages enqueued before `body` existed. Either way each event is validated when mapped. */
    events: z.array(z.unknown()).optional(),
  })
  .refine((message) => (message.body === undefined) !== (message.events === undefined), "exactly one of body and events");

/** Authenticated input the route could not even enqueue as a delivery (e.g. Pub/Sub without a topic attribute). */
const quarantine = z.object({
  type: z.literal("quarantine"),
  source: z.enum(["webhook", "pubsub", "pixel"]),
  tenantId: z.string().nullable(),
  shop: z.string().nullable(),
  topic: z.string().nullable(),
  reason: z.string(),
  payload: z.string(),
  headers: z.record(z.string(), z.string()),
  receivedAt: z.number(),
});

// The row's tenant, when it has one: its row is on that tenant's shard (older messages name none: the control database).
const replay = z.object({ type: z.literal("replay"), quarantineId: z.string(), tenantId: z.string().optional() });

export const IngestMessageSchema = z.discriminatedUnion("type", [webhookDelivery, pixelBatch, quarantine, replay]);
export type IngestMessage = z.infer<typeof IngestMessageSchema>;
export type WebhookDeliveryMessage = z.infer<typeof webhookDelivery>;
export type PixelBatchMessage = z.infer<typeof pixelBatch>;
export type QuarantineMessage = z.infer<typeof quarantine>;

export { BACKFILL_RESOURCES, BackfillMessageSchema, type BackfillMessage, type BackfillResource } from "./backfill-messages.ts";

const pushTotals = z.object({ added: z.number(), removed: z.number(), failed: z.number() });

export const ShopifyWriteMessageSchema = z.discriminatedUnion("type", [
  /** One bounded push run; `totals` carries the counts of earlier runs of the same push (continuations). */
  z.object({ type: z.literal("segment_push"), tenantId: z.string(), segmentId: z.string(), totals: pushTotals.optional() }),
  /** Flow triggers for the members who entered or left at `computedAt`, resuming after member `after`. */
  z.object({
    type: z.literal("segment_flow_triggers"),
    tenantId: z.string(),
    segmentId: z.string(),
    computedAt: z.number(),
    direction: z.enum(["entered", "left"]),
    after: z.string().nullable(),
  }),
  z.object({ type: z.literal("flow_trigger"), tenantId: z.string(), handle: z.string(), payload: z.record(z.string(), z.unknown()) }),
  /** One bounded run of a metafield push job; the job row holds its cursor and counts. */
  z.object({ type: z.literal("metafield_push"), tenantId: z.string(), jobId: z.string() }),
  /**
   * SegOps' own products to create or update in Shopify with productSet (catalog out); pushed ones are skipped.
   * `requestedAt`: the request that queued it, so its dead letter fails those products and no newer request.
   */
  z.object({ type: z.literal("product_push"), tenantId: z.string(), productIds: z.array(z.string()).min(1).max(50), requestedAt: z.number().optional() }),
]);
export type ShopifyWriteMessage = z.infer<typeof ShopifyWriteMessageSchema>;

/**
 * Privacy work and tenant moves (the maintenance queue), one bounded slice per message: the message names a request,
 * a tenant or a move, never a customer.
 */
export const PrivacyMessageSchema = z.discriminatedUnion("type", [
  /** Runs (or continues) a privacy request; a completed one makes it do nothing. */
  z.object({ type: z.literal("privacy_request"), requestId: z.string() }),
  /** Deletes what outlived its retention for one tenant, or (`tenantId` null) rows that belong to no tenant. */
  z.object({ type: z.literal("retention"), tenantId: z.string().nullable(), now: z.number() }),
  /** One bounded step of a tenant's move between shards; `step` is the move's step it runs (worker/services/shards/). */
  z.object({ type: z.literal("tenant_move"), moveId: z.string(), step: z.number().int().nonnegative() }),
]);
export type PrivacyMessage = z.infer<typeof PrivacyMessageSchema>;

export type QueueBody = IngestMessage | BackfillMessage | ShopifyWriteMessage | PrivacyMessage;
