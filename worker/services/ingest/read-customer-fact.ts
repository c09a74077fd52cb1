import { z } from "zod";
import type { Result } from "../../lib/result.ts";
import type { CustomerFact } from "./facts.ts";
import { shopifyId, tagList, text, timestamp, upper } from "../../shopify/payload/read-fields.ts";
import { readWith, type Unmappable } from "../../shopify/payload/read-result.ts";

const consent = z.object({ state: text }).nullish();

const address = z.object({ country_code: text }).nullish();

export const CustomerPayloadSchema = z.object({
  id: shopifyId,
  email: text,
  phone: text,
  first_name: text,
  last_name: text,
  state: text,
  tags: tagList,
  default_address: address,
  email_marketing_consent: consent,
  sms_marketing_consent: consent,
  created_at: timestamp,
  updated_at: timestamp,
});

export function toCustomerFact(payload: z.output<typeof CustomerPayloadSchema>): CustomerFact {
  return {
    customerId: payload.id,
    email: payload.email?.toLowerCase() ?? null,
    phone: payload.phone,
    firstName: payload.first_name,
    lastName: payload.last_name,
    countryCode: upper(payload.default_address?.country_code ?? null),
    tags: payload.tags,
    state: payload.state,
    emailMarketingState: upper(payload.email_marketing_consent?.state ?? null),
    smsMarketingState: upper(payload.sms_marketing_consent?.state ?? null),
    createdAt: payload.created_at,
    updatedAt: payload.updated_at,
  };
}

/** `customers/create|update` and the customer embedded in orders and checkouts (REST shape). */
export function readCustomerFact(payload: unknown): Result<CustomerFact, Unmappable> {
  const read = readWith(CustomerPayloadSchema, payload, "customer");
  return read.ok ? { ok: true, value: toCustomerFact(read.value) } : read;
}

/** An embedded customer object, or null when absent or without an id (guest checkout). */
export function readEmbeddedCustomer(value: unknown): CustomerFact | null {
  const read = CustomerPayloadSchema.safeParse(value);
  return read.success ? toCustomerFact(read.data) : null;
}
