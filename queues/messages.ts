import { z } from "zod";

/** Queue names as declared in wrangler.toml; `queue()` dispatches on them. */
export const QUEUE_NAMES = {
  ingest: "segops-ingest",
  backfill: "segops-backfill",
  shopifyWrites: "segops-shopify-writes",
  ingestDlq: "segops-ingest-dlq",
  backfillDlq: "segops-backfill-dlq",
  shopifyWritesDlq: "segops-shopify-writes-dlq",
} as const;

const webhookDelivery = z.object({
  type: z.literal("webhook"),
  via: z.enum(["https", "pubsub"]),
  shop: z.string(),
  topic: z.string(),
  deliveryId: z.string(),
  eventId: z.string().nullable(),
  triggeredAt: z.string().nullable(),
  apiVersion: z.string().nullable(),
  receivedAt: z.number(),
  body: z.string().optional(),
  payloadId: z.string().optional(),
});

const pixelBatch = z.object({
  type: z.literal("pixel"),
  tenantId: z.string(),
  keyId: z.string(),
  clientId: z.string(),
  receivedAt: z.number(),
  origin: z.string().nullable(),
  userAgent: z.string().nullable(),
  events: z.array(z.record(z.string(), z.unknown())),
});

const replay = z.object({ type: z.literal("replay"), quarantineId: z.string() });

export const IngestMessageSchema = z.discriminatedUnion("type", [webhookDelivery, pixelBatch, replay]);
export type IngestMessage = z.infer<typeof IngestMessageSchema>;
export type WebhookDeliveryMessage = z.infer<typeof webhookDelivery>;
export type PixelBatchMessage = z.infer<typeof pixelBatch>;

export const BACKFILL_RESOURCES = ["orders", "customers", "products", "abandoned_checkouts"] as const;
export type BackfillResource = (typeof BACKFILL_RESOURCES)[number];

export const BackfillMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("start"), tenantId: z.string(), jobId: z.string(), reason: z.enum(["install", "manual", "reconcile"]) }),
  z.object({ type: z.literal("poll"), tenantId: z.string(), jobId: z.string(), resource: z.enum(BACKFILL_RESOURCES) }),
  z.object({
    type: z.literal("chunk"),
    tenantId: z.string(),
    jobId: z.string(),
    resource: z.enum(BACKFILL_RESOURCES),
    chunk: z.number().int().nonnegative(),
  }),
]);
export type BackfillMessage = z.infer<typeof BackfillMessageSchema>;

export const ShopifyWriteMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("segment_push"), tenantId: z.string(), segmentId: z.string() }),
  z.object({ type: z.literal("metafields_push"), tenantId: z.string(), jobId: z.string() }),
  z.object({ type: z.literal("product_push"), tenantId: z.string(), productId: z.string() }),
  z.object({
    type: z.literal("flow_trigger"),
    tenantId: z.string(),
    handle: z.string(),
    dedupKey: z.string(),
    payload: z.record(z.string(), z.unknown()),
  }),
]);
export type ShopifyWriteMessage = z.infer<typeof ShopifyWriteMessageSchema>;

export type QueueBody = IngestMessage | BackfillMessage | ShopifyWriteMessage;
