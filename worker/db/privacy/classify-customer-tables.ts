import {
  checkoutsTable,
  deliveriesTable,
  eventsTable,
  identitiesTable,
  ingestPayloadsTable,
  ordersTable,
  profilesTable,
  segmentMembershipsTable,
  segmentTagsTable,
} from "../schema/index.ts";
import { classify } from "./classification-types.ts";

const AFTER_SHOP_REDACT = "until shop/redact";

/** The tables that hold a customer's data as rows: erased row by row by customers/redact. */
export const CUSTOMER_TABLES = [
  classify({
    table: profilesTable,
    scope: "tenant",
    columns: {
      id: "link", tenantId: "none", shopifyCustomerId: "link", email: "personal", phone: "personal", firstName: "personal",
      lastName: "personal", country: "personal", tags: "personal", emailMarketingState: "personal", smsMarketingState: "personal",
      ordersCount: "personal", totalSpent: "personal", currency: "none", firstOrderAt: "personal", lastOrderAt: "personal",
      lastSeenAt: "personal", sourceUpdatedAt: "none", createdAt: "none", updatedAt: "none", redactedAt: "none",
    },
    notes: { redactedAt: "set when customers/redact starts, so the profile leaves segments and the API at once; the row is deleted last" },
    customerRedact: { action: "delete_rows", step: "profile", how: "the profile row, once everything linked to it is gone" },
    shopRedact: { action: "delete_rows", byTenant: profilesTable.tenantId },
    retention: AFTER_SHOP_REDACT,
  }),
  classify({
    table: identitiesTable,
    scope: "tenant",
    columns: { tenantId: "none", kind: "none", value: "personal", profileId: "link", linkedBy: "none", createdAt: "none" },
    notes: { value: "an e-mail, checkout or cart token, or pixel visitor id linked to the profile" },
    customerRedact: { action: "delete_rows", step: "identities", how: "every identifier linked to the profile, after the rows found through them" },
    shopRedact: { action: "delete_rows", byTenant: identitiesTable.tenantId },
    retention: AFTER_SHOP_REDACT,
  }),
  classify({
    table: eventsTable,
    scope: "tenant",
    columns: {
      id: "none", tenantId: "none", name: "none", source: "none", occurredAt: "none", receivedAt: "none", profileId: "link",
      anonymousId: "link", dedupKey: "link", sourceUpdatedAt: "none", properties: "free",
    },
    notes: {
      properties: "typed per event (event-properties.ts): order and line-item facts, tokens, page URLs with query strings, search terms, a custom event's data",
      dedupKey: "built from order, checkout, cart and customer ids",
    },
    customerRedact: {
      action: "delete_rows",
      step: "events",
      how: "events of the profile, of its visitor ids, of its checkout and cart tokens, and of its orders (refunds, fulfilments, edits included)",
    },
    shopRedact: { action: "delete_rows", byTenant: eventsTable.tenantId },
    retention: "the tenant's event retention (default 400 days), then deleted by the nightly retention job",
  }),
  classify({
    table: ordersTable,
    scope: "tenant",
    columns: {
      tenantId: "none", shopifyOrderId: "link", profileId: "link", shopifyCustomerId: "link", name: "link", currency: "none",
      totalPrice: "personal", totalRefunded: "personal", financialStatus: "personal", checkoutToken: "link", cartToken: "link",
      lineItems: "personal", orderedAt: "personal", cancelledAt: "personal", sourceUpdatedAt: "none", updatedAt: "none",
    },
    customerRedact: { action: "delete_rows", step: "orders", how: "orders of the profile or the customer id, and the request's orders_to_redact" },
    shopRedact: { action: "delete_rows", byTenant: ordersTable.tenantId },
    retention: AFTER_SHOP_REDACT,
  }),
  classify({
    table: checkoutsTable,
    scope: "tenant",
    columns: {
      tenantId: "none", token: "link", cartToken: "link", shopifyCheckoutId: "link", profileId: "link", anonymousId: "link",
      shopifyOrderId: "link", totalPrice: "personal", currency: "none", pixelEnrichment: "free", startedAt: "personal",
      completedAt: "personal", sourceUpdatedAt: "none", updatedAt: "none",
    },
    notes: { pixelEnrichment: "the visitor id and page of a pixel checkout_completed, waiting for its order" },
    customerRedact: { action: "delete_rows", step: "checkouts", how: "checkouts of the profile, its tokens or its visitor ids" },
    shopRedact: { action: "delete_rows", byTenant: checkoutsTable.tenantId },
    retention: AFTER_SHOP_REDACT,
  }),
  classify({
    table: segmentMembershipsTable,
    scope: "tenant",
    columns: { tenantId: "none", segmentId: "none", memberId: "link", enteredAt: "personal", leftAt: "personal" },
    customerRedact: { action: "delete_rows", step: "memberships", how: "the profile's stays in every segment, current and past" },
    shopRedact: { action: "delete_rows", byTenant: segmentMembershipsTable.tenantId },
    retention: AFTER_SHOP_REDACT,
  }),
  classify({
    table: segmentTagsTable,
    scope: "tenant",
    columns: { tenantId: "none", segmentId: "none", profileId: "link", tag: "none", pushedAt: "none" },
    customerRedact: { action: "delete_rows", step: "segment_tags", how: "the record of tags pushed to the customer (Shopify erased the customer itself)" },
    shopRedact: { action: "delete_rows", byTenant: segmentTagsTable.tenantId },
    retention: AFTER_SHOP_REDACT,
  }),
  classify({
    table: ingestPayloadsTable,
    scope: "tenant_or_shop",
    columns: { id: "none", tenantId: "none", shopDomain: "merchant", body: "free", createdAt: "none" },
    notes: { body: "a raw webhook body over 100 KB, waiting for its queue message" },
    customerRedact: { action: "delete_rows", step: "raw_bodies", how: "bodies of the shop that contain the customer's id, e-mail, phone, tokens or order ids" },
    shopRedact: { action: "delete_rows", byTenant: ingestPayloadsTable.tenantId, byShop: ingestPayloadsTable.shopDomain },
    retention: "deleted when its message is written; orphans (message lost) after 4 days, unless a dead letter still needs it (30 days)",
  }),
  classify({
    table: deliveriesTable,
    scope: "tenant",
    columns: { key: "none", tenantId: "none", topic: "none", receivedAt: "none" },
    notes: { key: "Shopify's webhook id or a Pub/Sub message id: says nothing about a customer" },
    customerRedact: { action: "keep", why: "a delivery id and topic identify no one" },
    shopRedact: { action: "delete_rows", byTenant: deliveriesTable.tenantId },
    retention: "30 days (redeliveries come within 48 hours)",
  }),
];
