import { z } from "zod";
import type { Result } from "../../lib/result.ts";
import type { ConsentFact } from "./facts.ts";
import { optionalId, text, timestamp, upper } from "../../shopify/payload/read-fields.ts";
import { readWith, type Unmappable } from "../../shopify/payload/read-result.ts";

const Consent = z.object({ state: text, opt_in_level: text, consent_updated_at: timestamp }).nullish();

const ConsentPayloadSchema = z
  .object({ customer_id: optionalId, id: optionalId, email_marketing_consent: Consent, sms_marketing_consent: Consent })
  .refine((body) => body.customer_id !== null || body.id !== null, { message: "consent update has no customer id", path: ["customer_id"] });

/**
 * `customers_email_marketing_consent/update` (`customer_id`, `email_marketing_consent`) and
 * `customers_marketing_consent/update` (`id`, `sms_marketing_consent`).
 */
export function readConsentFact(payload: unknown, channel: ConsentFact["channel"]): Result<ConsentFact, Unmappable> {
  const read = readWith(ConsentPayloadSchema, payload, `${channel} consent`);
  if (!read.ok) return read;
  const body = read.value;
  const consent = channel === "email" ? body.email_marketing_consent : body.sms_marketing_consent;
  return {
    ok: true,
    value: {
      customerId: (body.customer_id ?? body.id)!,
      channel,
      state: upper(consent?.state ?? null),
      optInLevel: consent?.opt_in_level ?? null,
      consentUpdatedAt: consent?.consent_updated_at ?? null,
    },
  };
}
