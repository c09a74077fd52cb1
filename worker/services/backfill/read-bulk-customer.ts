import { z } from "zod";
import type { Result } from "../../lib/result.ts";
import { readWith, shopifyId, tagList, text, timestamp, upper, type CustomerFact, type Unmappable } from "../ingest/index.ts";

const BulkCustomerSchema = z.object({
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
  const read = readWith(BulkCustomerSchema, value, "customer");
  return read.ok ? { ok: true, value: toCustomerFact(read.value) } : read;
}

/** The customer inside an order or checkout; null for guests (or when the customer is not readable). */
export function readEmbeddedBulkCustomer(value: unknown): CustomerFact | null {
  const read = BulkCustomerSchema.safeParse(value);
  return read.success ? toCustomerFact(read.data) : null;
}
