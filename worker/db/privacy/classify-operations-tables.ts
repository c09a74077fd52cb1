import { deadLettersTable, privacyRequestsTable, quarantineTable, redactedSubjectsTable, shardWriteTimesTable } from "../schema/index.ts";
import { classify } from "./classification-types.ts";

const RAW_BODY_REDACT = {
  action: "delete_rows",
  step: "raw_bodies",
  how: "whole rows of the shop whose raw text contains the customer's id, e-mail, phone, tokens, visitor ids or order ids: a raw body cannot be edited reliably",
} as const;

/** What operators read (quarantine, dead letters) and the privacy records themselves. */
export const OPERATIONS_TABLES = [
  classify({
    table: quarantineTable,
    plane: "data",
    scope: "tenant_or_shop",
    columns: {
      id: "none", tenantId: "none", shopDomain: "merchant", source: "none", topic: "none", reason: "none", payload: "free", headers: "free",
      receivedAt: "none", replayedAt: "none", replayResult: "none",
    },
    notes: {
      payload: "the raw input that could not be mapped",
      headers: "delivery ids; for pixel input the visitor id, origin and user agent",
      reason: "why it could not be mapped: field paths and types, never values",
    },
    customerRedact: RAW_BODY_REDACT,
    shopRedact: { action: "delete_rows", byTenant: quarantineTable.tenantId, byShop: quarantineTable.shopDomain },
    retention: "30 days, then deleted by the nightly retention job",
  }),
  classify({
    table: deadLettersTable,
    plane: "control",
    scope: "tenant_or_shop",
    columns: {
      id: "none", queue: "none", messageId: "none", tenantId: "none", shopDomain: "merchant", body: "free", attempts: "none",
      receivedAt: "none", replayedAt: "none",
    },
    notes: { body: "the queue message that kept failing, with why: a webhook's raw body, a pixel batch, a job's ids" },
    customerRedact: RAW_BODY_REDACT,
    shopRedact: { action: "delete_rows", byTenant: deadLettersTable.tenantId, byShop: deadLettersTable.shopDomain },
    retention: "30 days, then deleted by the nightly retention job",
  }),
  classify({
    table: privacyRequestsTable,
    plane: "control",
    scope: "tenant_or_shop",
    columns: {
      id: "none", tenantId: "none", shopDomain: "merchant", kind: "none", shopifyCustomerId: "link", payload: "free", export: "none",
      status: "none", result: "none", failures: "none", lastError: "none", receivedAt: "none", dueAt: "none", updatedAt: "none",
      completedAt: "none", atRiskAt: "none",
    },
    notes: {
      payload: "Shopify's request: the customer's id, e-mail, phone and order ids, needed until the work is done",
      result: "counts of rows erased or exported, never identifiers",
      lastError: "our own failure message",
    },
    customerRedact: {
      action: "anonymise",
      step: "data_requests",
      how: "the customer's earlier data requests lose payload and customer id, their exports are deleted; the redact request itself is scrubbed when it completes",
    },
    shopRedact: { action: "scrub", how: "kept as proof: tenant_id cleared, shop_domain replaced by `redacted:<shop hash>`, payload emptied, exports deleted" },
    retention: "kept as proof of compliance, scrubbed of customer identifiers once done (a data request's once its export expires, 30 days)",
  }),
  classify({
    table: redactedSubjectsTable,
    plane: "data",
    scope: "tenant",
    columns: { tenantId: "none", subjectHash: "none", redactedAt: "none" },
    notes: { subjectHash: "HMAC of a redacted customer's identifier with the tenant id; the identifier itself is gone" },
    customerRedact: { action: "keep", why: "written by customers/redact: it is how later data about the customer is dropped" },
    shopRedact: { action: "delete_rows", byTenant: redactedSubjectsTable.tenantId },
    retention: "until shop/redact (the tenant tombstone then drops everything)",
  }),
  classify({
    table: shardWriteTimesTable,
    plane: "control",
    scope: "global",
    columns: { shard: "none", minute: "none", d1Ms: "none", batches: "none", events: "none" },
    notes: { shard: "a D1 binding name; the rows sum every tenant's ingest writes on that database" },
    customerRedact: { action: "keep", why: "no customer data: times and counts per database" },
    shopRedact: { action: "keep", why: "no tenant in it: sums over every tenant on a shard" },
    retention: "7 days, trimmed by the consumer's own writes of it",
  }),
];
