import { z } from "zod";

const via = z.enum(["https", "pubsub"]);

export const SETTINGS_PATCH = z.object({
  throttle: z.object({ maximumAvailable: z.number().positive().optional(), restoreRate: z.number().nonnegative().optional() }).optional(),
  tokenTtlSeconds: z.number().int().positive().optional(),
  bulkChildrenFirst: z.boolean().optional(),
  bulkDelayMs: z.number().int().nonnegative().optional(),
  emitAppCausedWebhooks: z.boolean().optional(),
  apiVersion: z.string().optional(),
  appTopics: z.array(z.string()).optional(),
  defaultVia: via.optional(),
  /** Fail the next N Admin GraphQL calls with a 5xx (default 502). */
  failGraphql: z.union([z.number().int().nonnegative(), z.object({ count: z.number().int().nonnegative(), status: z.number().int().min(500).max(599).optional() })]).optional(),
  /** Hold the next N Admin GraphQL calls `ms` before handling them (then answer as usual): slow answers and client timeouts. */
  stallGraphql: z.object({ count: z.number().int().nonnegative(), ms: z.number().int().positive().max(120_000) }).optional(),
  /** Answer the next N Admin GraphQL calls THROTTLED (with the cost extension), whatever the bucket holds: a storm. */
  throttleGraphql: z.number().int().nonnegative().optional(),
  /** Empty the shop's cost bucket now: with a low `throttle.restoreRate`, every call answers THROTTLED for a while. */
  drainBucket: z.boolean().optional(),
  /** Drop every token (refresh included): the app must reinstall. */
  revokeTokens: z.boolean().optional(),
  /** Make current access tokens expired so the app has to refresh. */
  expireAccessTokens: z.boolean().optional(),
  refillBucket: z.boolean().optional(),
});

export const CREATE_SHOP = z.object({
  shop: z.string().regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/).optional(),
  seed: z.union([z.string(), z.number()]).optional(),
  now: z.union([z.string(), z.number()]).optional(),
  size: z.object({
    products: z.number().int().nonnegative().optional(),
    customers: z.number().int().nonnegative().optional(),
    orders: z.number().int().nonnegative().optional(),
    days: z.number().int().positive().optional(),
    abandonedCheckouts: z.number().int().nonnegative().optional(),
  }).optional(),
  plan: z.enum(["basic", "shopify", "advanced", "plus", "development"]).optional(),
  name: z.string().optional(),
  grantedScopes: z.array(z.string()).optional(),
  tokenTtlSeconds: z.number().int().positive().optional(),
  throttle: z.object({ maximumAvailable: z.number().positive().optional(), restoreRate: z.number().nonnegative().optional() }).optional(),
  settings: SETTINGS_PATCH.pick({ bulkChildrenFirst: true, bulkDelayMs: true, emitAppCausedWebhooks: true, apiVersion: true, appTopics: true, defaultVia: true }).optional(),
});

export const WEBHOOK_REQUEST = z.object({
  topic: z.string().min(1),
  payload: z.unknown().optional(),
  payloadText: z.string().optional(),
  via: via.optional(),
  webhookId: z.string().optional(),
  eventId: z.string().optional(),
  triggeredAt: z.string().optional(),
  headers: z.record(z.string(), z.string()).optional(),
});
