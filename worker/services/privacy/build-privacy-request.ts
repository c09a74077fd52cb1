import { z } from "zod";
import { err, ok, type Result } from "../../lib/result.ts";
import type { HandledTopic } from "../../shopify/webhook-topics.ts";
import { optionalId } from "../../shopify/payload/read-fields.ts";
import type { Unmappable } from "../../shopify/payload/read-result.ts";

/** A compliance request (GDPR/CCPA) recorded on receipt and due 30 days later. */
export type PrivacyRow = {
  id: string;
  tenantId: string | null;
  shopDomain: string;
  kind: "customers_data_request" | "customers_redact" | "shop_redact";
  shopifyCustomerId: string | null;
  payload: Record<string, unknown>;
  receivedAt: number;
  dueAt: number;
};

export type ComplianceTopic = HandledTopic<"compliance">;

/** The privacy request each compliance topic of the registry records. */
export const COMPLIANCE_TOPICS = {
  "customers/data_request": "customers_data_request",
  "customers/redact": "customers_redact",
  "shop/redact": "shop_redact",
} as const satisfies Record<ComplianceTopic, PrivacyRow["kind"]>;

const DUE_AFTER_MS = 30 * 24 * 60 * 60 * 1000;

// Loose all the way down: the customer's e-mail and phone are what a redaction searches raw bodies for.
const CompliancePayloadSchema = z.looseObject({ customer: z.looseObject({ id: optionalId }).nullish() });

/**
 * A privacy request row due 30 days after receipt (reference §3.1). Its id comes from the delivery key, so
 * Shopify's retries of one request record it once.
 */
export function buildPrivacyRequest(input: {
  topic: ComplianceTopic;
  shopDomain: string;
  tenantId: string | null;
  deliveryKey: string;
  payload: unknown;
  receivedAt: number;
}): Result<PrivacyRow, Unmappable> {
  const parsed = CompliancePayloadSchema.safeParse(input.payload);
  if (!parsed.success) return err({ reason: `${input.topic} payload is not an object` });
  return ok({
    id: `prv_${input.deliveryKey.replace(/[^\w.-]/g, "_")}`,
    tenantId: input.tenantId,
    shopDomain: input.shopDomain,
    kind: COMPLIANCE_TOPICS[input.topic],
    shopifyCustomerId: parsed.data.customer?.id ?? null,
    payload: parsed.data as Record<string, unknown>,
    receivedAt: input.receivedAt,
    dueAt: input.receivedAt + DUE_AFTER_MS,
  });
}
