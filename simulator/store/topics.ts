/**
 * Delivered without an Admin API subscription: the app-wide topics of SegOps's shopify.app.toml, plus the data topics
 * its install subscribes, so a test shop that never ran install still delivers every topic SegOps handles.
 */
export const DEFAULT_APP_TOPICS = [
  "app/uninstalled",
  "app/scopes_update",
  "bulk_operations/finish",
  "app_subscriptions/update",
  "orders/create",
  "orders/paid",
  "orders/updated",
  "orders/edited",
  "orders/cancelled",
  "orders/fulfilled",
  "orders/partially_fulfilled",
  "orders/delete",
  "checkouts/create",
  "checkouts/update",
  "carts/create",
  "carts/update",
  "customers/create",
  "customers/update",
  "customers/delete",
  "customers_email_marketing_consent/update",
  "customers_marketing_consent/update",
  "refunds/create",
  "fulfillments/create",
  "fulfillments/update",
  "products/create",
  "products/update",
  "products/delete",
] as const;

export const COMPLIANCE_TOPICS = new Set(["customers/data_request", "customers/redact", "shop/redact"]);

/** Topics the simulator knows; the GraphQL WebhookSubscriptionTopic enum is derived from this list. */
export const ALL_TOPICS = [
  ...DEFAULT_APP_TOPICS,
  "checkouts/delete",
  "customers/merge",
  "customer.tags_added",
  "customer.tags_removed",
  "customer.joined_segment",
  "customer.left_segment",
  "fulfillment_events/create",
  "inventory_levels/update",
  "collections/update",
  "metafield_definitions/update",
  "shop/update",
] as const;

/** `orders/create` → `ORDERS_CREATE`; `customer.tags_added` → `CUSTOMER_TAGS_ADDED`. */
export function topicToEnum(topic: string): string {
  return topic.replace(/[/.]/g, "_").toUpperCase();
}

const TOPIC_BY_ENUM = new Map<string, string>(ALL_TOPICS.map((topic) => [topicToEnum(topic), topic]));

export function enumToTopic(value: string): string | null {
  return TOPIC_BY_ENUM.get(value) ?? null;
}
