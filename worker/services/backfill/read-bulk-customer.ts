import { z } from "zod";
import type { Result } from "../../lib/result.ts";
import type { CustomerFact } from "../ingest/index.ts";
import type { Unmappable } from "../../shopify/payload/read-result.ts";
import { idValue, nullishObjectValue, objectValue, readFast, tagListValue, textValue, timestampValue } from "../../shopify/payload/read-field-values.ts";
import { shopifyId, tagList, text, timestamp, upper } from "../../shopify/payload/read-fields.ts";

export const BulkCustomerSchema = z.object({
  id: shopifyId,
  email: text,
  phone: text,
  firstName: text,
  lastName: text,
  state: text,
  tags: tagList,
  createdAt: timestamp,
  updatedAt: timestamp,
  defaultAddress: z.object({ countryCodeV2: text }).nullish(),
  emailMarketingConsent: z.object({ marketingState: text }).nullish(),
});

type BulkCustomer = z.output<typeof BulkCustomerSchema>;

/** `z.object({ [field]: text }).nullish()` without zod. */
function nested<K extends string>(value: unknown, field: K): { [P in K]: string | null } | null | undefined {
  const object = nullishObjectValue(value);
  return object === null || object === undefined ? object : ({ [field]: textValue(object[field]) } as { [P in K]: string | null });
}

/** `BulkCustomerSchema` without zod (see read-field-values.ts). */
export function bulkCustomerValue(value: unknown): BulkCustomer {
  const customer = objectValue(value);
  return {
    id: idValue(customer.id),
    email: textValue(customer.email),
    phone: textValue(customer.phone),
    firstName: textValue(customer.firstName),
    lastName: textValue(customer.lastName),
    state: textValue(customer.state),
    tags: tagListValue(customer.tags),
    createdAt: timestampValue(customer.createdAt),
    updatedAt: timestampValue(customer.updatedAt),
    defaultAddress: nested(customer.defaultAddress, "countryCodeV2"),
    emailMarketingConsent: nested(customer.emailMarketingConsent, "marketingState"),
  };
}

// GraphQL enums (`ENABLED`) become the webhook's spelling (`enabled`), so both sources store the same values.
function toCustomerFact(customer: z.output<typeof BulkCustomerSchema>): CustomerFact {
  return {
    customerId: customer.id,
    email: customer.email?.toLowerCase() ?? null,
    phone: customer.phone,
    firstName: customer.firstName,
    lastName: customer.lastName,
    countryCode: upper(customer.defaultAddress?.countryCodeV2 ?? null),
    tags: customer.tags,
    state: customer.state?.toLowerCase() ?? null,
    emailMarketingState: upper(customer.emailMarketingConsent?.marketingState ?? null),
    smsMarketingState: null,
    createdAt: customer.createdAt,
    updatedAt: customer.updatedAt,
  };
}

/** A `Customer` object of the Admin GraphQL API (bulk line or page node). */
export function readBulkCustomer(value: unknown): Result<CustomerFact, Unmappable> {
  const read = readFast(BulkCustomerSchema, bulkCustomerValue, value, "customer");
  return read.ok ? { ok: true, value: toCustomerFact(read.value) } : read;
}

/** The customer inside an order or checkout; null for guests (or when the customer is not readable). */
export function readEmbeddedBulkCustomer(value: unknown): CustomerFact | null {
  if (value === null || value === undefined) return null;
  const read = readFast(BulkCustomerSchema, bulkCustomerValue, value, "customer");
  return read.ok ? toCustomerFact(read.value) : null;
}
