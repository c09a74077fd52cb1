/**
 * Data topics subscribed per shop at install (lifecycle, bulk, billing and compliance topics are in
 * shopify.app.toml). Enum form, as `webhookSubscriptionCreate` takes them.
 */
export const DATA_WEBHOOK_TOPICS = [
  "ORDERS_CREATE",
  "ORDERS_PAID",
  "ORDERS_UPDATED",
  "ORDERS_EDITED",
  "ORDERS_CANCELLED",
  "CHECKOUTS_CREATE",
  "CHECKOUTS_UPDATE",
  "CARTS_CREATE",
  "CARTS_UPDATE",
  "CUSTOMERS_CREATE",
  "CUSTOMERS_UPDATE",
  "CUSTOMERS_EMAIL_MARKETING_CONSENT_UPDATE",
  "CUSTOMERS_MARKETING_CONSENT_UPDATE",
  "REFUNDS_CREATE",
  "FULFILLMENTS_CREATE",
  "FULFILLMENTS_UPDATE",
  "PRODUCTS_CREATE",
  "PRODUCTS_UPDATE",
  "PRODUCTS_DELETE",
] as const;
