/**
 * Every Shopify webhook topic SegOps knows. `install`: subscribed per shop at install (webhookSubscriptionCreate, to
 * HTTPS or Pub/Sub); `app`: app-wide in shopify.app.toml; `none`: not subscribed, and `unhandled` says why, which
 * is also the quarantine reason if a delivery arrives anyway. A subscribed topic has a handler by its kind: the
 * ingest mappers (data), the lifecycle planners (lifecycle) or the privacy recorder (compliance); the typecheck and
 * tests/worker/shopify/webhook-topics.test.ts keep those tables equal to this one.
 */
export const WEBHOOK_TOPICS = {
  "orders/create": { kind: "data", subscribed: "install" },
  "orders/paid": { kind: "data", subscribed: "install" },
  "orders/updated": { kind: "data", subscribed: "install" },
  "orders/edited": { kind: "data", subscribed: "install" },
  "orders/cancelled": { kind: "data", subscribed: "install" },
  "orders/fulfilled": { kind: "data", subscribed: "install" },
  "orders/partially_fulfilled": { kind: "data", subscribed: "install" },
  "orders/delete": { kind: "data", subscribed: "install" },
  "checkouts/create": { kind: "data", subscribed: "install" },
  "checkouts/update": { kind: "data", subscribed: "install" },
  "carts/create": { kind: "data", subscribed: "install" },
  "carts/update": { kind: "data", subscribed: "install" },
  "customers/create": { kind: "data", subscribed: "install" },
  "customers/update": { kind: "data", subscribed: "install" },
  "customers/delete": { kind: "data", subscribed: "install" },
  "customers_email_marketing_consent/update": { kind: "data", subscribed: "install" },
  "customers_marketing_consent/update": { kind: "data", subscribed: "install" },
  "refunds/create": { kind: "data", subscribed: "install" },
  "fulfillments/create": { kind: "data", subscribed: "install" },
  "fulfillments/update": { kind: "data", subscribed: "install" },
  "products/create": { kind: "data", subscribed: "install" },
  "products/update": { kind: "data", subscribed: "install" },
  "products/delete": { kind: "data", subscribed: "install" },
  "app/uninstalled": { kind: "lifecycle", subscribed: "app" },
  "app/scopes_update": { kind: "lifecycle", subscribed: "app" },
  "bulk_operations/finish": { kind: "lifecycle", subscribed: "app" },
  "app_subscriptions/update": { kind: "lifecycle", subscribed: "app" },
  "customers/data_request": { kind: "compliance", subscribed: "app" },
  "customers/redact": { kind: "compliance", subscribed: "app" },
  "shop/redact": { kind: "compliance", subscribed: "app" },
} as const satisfies Record<string, WebhookTopicEntry>;

export type WebhookTopicKind = "data" | "lifecycle" | "compliance";

export type WebhookTopicEntry =
  | { kind: WebhookTopicKind; subscribed: "install" | "app" }
  | { kind: WebhookTopicKind; subscribed: "none"; unhandled: string };

type Registry = typeof WEBHOOK_TOPICS;
export type WebhookTopic = keyof Registry;

/** The subscribed topics of one kind: exactly the keys its handler table must have. */
export type HandledTopic<K extends WebhookTopicKind> = {
  [T in WebhookTopic]: Registry[T] extends { kind: K; subscribed: "install" | "app" } ? T : never;
}[WebhookTopic];

// A Map, not `topic in WEBHOOK_TOPICS`: a topic header such as `constructor` must not find Object.prototype.
const ENTRIES = new Map<string, WebhookTopicEntry>(Object.entries(WEBHOOK_TOPICS));

/** The registry entry of a delivered topic, or undefined for a topic SegOps does not know. */
export function webhookTopic(topic: string): WebhookTopicEntry | undefined {
  return ENTRIES.get(topic);
}

/** A subscribed topic of this kind, i.e. one its kind's handler table has. */
export function isHandledTopic<K extends WebhookTopicKind>(topic: string, kind: K): topic is HandledTopic<K> {
  const entry = ENTRIES.get(topic);
  return entry !== undefined && entry.kind === kind && entry.subscribed !== "none";
}

/** `orders/create` → `ORDERS_CREATE`: the WebhookSubscriptionTopic value `webhookSubscriptionCreate` takes. */
export function topicEnum(topic: string): string {
  return topic.replace(/[/.]/g, "_").toUpperCase();
}

/** The topics of the registry subscribed one way, in registry order. */
export function subscribedTopics(how: "install" | "app"): WebhookTopic[] {
  return (Object.keys(WEBHOOK_TOPICS) as WebhookTopic[]).filter((topic) => WEBHOOK_TOPICS[topic].subscribed === how);
}
