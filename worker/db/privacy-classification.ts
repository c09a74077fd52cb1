import type { ColumnData, CustomerRedaction, TableClassification } from "./privacy/classification-types.ts";
import { CUSTOMER_TABLES } from "./privacy/classify-customer-tables.ts";
import { OPERATIONS_TABLES } from "./privacy/classify-operations-tables.ts";
import { TENANT_TABLES } from "./privacy/classify-tenant-tables.ts";
import { WORKSPACE_TABLES } from "./privacy/classify-workspace-tables.ts";

export { CUSTOMER_REDACT_STEPS, type ColumnData, type CustomerRedactStep, type TableClassification } from "./privacy/classification-types.ts";

/**
 * Every D1 table, what each column can hold about a person, and what customers/redact, shop/redact and retention
 * do to it (docs/privacy.md). A test fails when a table of the schema or one of its columns is missing here, so a
 * new table must take a position; the shop erasure iterates this list, and the customer erasure runs the steps named.
 */
export const PRIVACY_CLASSIFICATION: readonly TableClassification[] = [...TENANT_TABLES, ...CUSTOMER_TABLES, ...WORKSPACE_TABLES, ...OPERATIONS_TABLES];

export type StorageClassification = {
  /** A key of the Durable Object's KV storage, or a table of its SQLite storage. */
  name: string;
  kind: "kv" | "sql";
  holds: string;
  data: ColumnData;
  customerRedact: CustomerRedaction;
  shopRedact: "delete_all";
};

/** The tenant Durable Object's storage (`durable-objects/`): shop/redact empties all of it with `deleteAll()`. */
export const TENANT_OBJECT_STORAGE: readonly StorageClassification[] = [
  {
    name: "setup",
    kind: "kv",
    holds: "install progress per step: statuses, our messages",
    data: "none",
    customerRedact: { action: "keep", why: "no customer data" },
    shopRedact: "delete_all",
  },
  {
    name: "backfill",
    kind: "kv",
    holds: "the backfill job's progress: phases, cursors (the aggregate cursor is a profile id), counts, Shopify's export URL",
    data: "link",
    customerRedact: {
      action: "anonymise",
      step: "tenant_object",
      how: "an aggregate cursor that is the customer's profile id becomes a prefix sorting before it (the profiles between are aggregated again)",
    },
    shopRedact: "delete_all",
  },
  {
    name: "server-key-reveal",
    kind: "kv",
    holds: "a new server key's secret until the merchant reveals it once",
    data: "merchant",
    customerRedact: { action: "keep", why: "no customer data" },
    shopRedact: "delete_all",
  },
  {
    name: "access-denied",
    kind: "kv",
    holds: "Shopify's access-denied message for the re-approve banner",
    data: "none",
    customerRedact: { action: "keep", why: "no customer data" },
    shopRedact: "delete_all",
  },
  {
    name: "staged_lines",
    kind: "sql",
    holds: "the running backfill's JSONL lines (customers, orders with addresses, checkouts) until the job finishes",
    data: "free",
    customerRedact: { action: "delete_rows", step: "tenant_object", how: "lines whose text contains the customer's id, e-mail, phone, tokens or order ids" },
    shopRedact: "delete_all",
  },
];

/** An R2 bucket that holds customer data, what customers/redact and shop/redact do to its objects. */
export type ObjectStoreClassification = {
  binding: "EVENT_ARCHIVE" | "PRIVACY_EXPORTS";
  holds: string;
  data: ColumnData;
  customerRedact: CustomerRedaction;
  shopRedact: string;
  retention: string;
};

export const OBJECT_STORES: readonly ObjectStoreClassification[] = [
  {
    binding: "EVENT_ARCHIVE",
    holds: "raw events older than the tenant's hot window, every column of `events`, as gzip NDJSON under events/tenant=<id>/date=<day>/ (docs/archive.md)",
    data: "free",
    customerRedact: {
      action: "delete_rows",
      step: "event_archive",
      how: "every file of the days listed on the customer's profiles is rewritten without their lines (replaced in one put; an emptied file deleted)",
    },
    shopRedact: "every object under events/tenant=<id>/ deleted",
    retention: "the tenant's event retention: days older than it are deleted by the nightly retention job",
  },
  {
    binding: "PRIVACY_EXPORTS",
    holds: "a customer's data export (customers/data_request)",
    data: "personal",
    customerRedact: { action: "delete_rows", step: "data_requests", how: "the customer's earlier exports deleted" },
    shopRedact: "the tenant's and the shop's exports deleted",
    retention: "30 days",
  },
];
