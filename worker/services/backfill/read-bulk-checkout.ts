import { z } from "zod";
import type { Result } from "../../lib/result.ts";
import type { CheckoutFact } from "../ingest/index.ts";
import { readWith, type Unmappable } from "../../shopify/payload/read-result.ts";
import { shopifyId, text, timestamp, upper } from "../../shopify/payload/read-fields.ts";
import { readEmbeddedBulkCustomer } from "./read-bulk-customer.ts";
import { BulkMoneySchema, readBulkLineItems } from "./read-bulk-line-items.ts";
import { readRecoveryUrl } from "./read-recovery-url.ts";

const BulkCheckoutSchema = z.object({
  id: shopifyId,
  abandonedCheckoutUrl: text,
  createdAt: timestamp,
  updatedAt: timestamp,
  completedAt: timestamp,
  totalPriceSet: BulkMoneySchema,
  subtotalPriceSet: BulkMoneySchema,
  customer: z.unknown().optional(),
});

/**
 * An `AbandonedCheckout` with its line items, read into the fact a `checkouts/*` webhook gives. GraphQL has no
 * checkout token, so it comes from `knownTokens` (the token a webhook already stored for this checkout id) or
 * else from the recovery URL.
 */
export function readBulkCheckout(value: unknown, lineItems: readonly unknown[], knownTokens: ReadonlyMap<string, string>): Result<CheckoutFact, Unmappable> {
  const read = readWith(BulkCheckoutSchema, value, "abandoned checkout");
  if (!read.ok) return read;
  const checkout = read.value;
  const url = readRecoveryUrl(checkout.abandonedCheckoutUrl);
  const token = knownTokens.get(checkout.id) ?? url.token;
  if (token === null) return { ok: false, error: { reason: "abandoned checkout: abandonedCheckoutUrl carries no checkout token" } };
  return {
    ok: true,
    value: {
      token,
      checkoutId: checkout.id,
      cartToken: url.cartToken,
      customer: readEmbeddedBulkCustomer(checkout.customer),
      currency: upper(checkout.totalPriceSet?.shopMoney.currencyCode ?? null),
      totalPrice: checkout.totalPriceSet?.shopMoney.amount ?? null,
      subtotalPrice: checkout.subtotalPriceSet?.shopMoney.amount ?? null,
      lineItems: readBulkLineItems(lineItems),
      createdAt: checkout.createdAt,
      updatedAt: checkout.updatedAt,
      completedAt: checkout.completedAt,
    },
  };
}
