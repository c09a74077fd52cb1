import { z } from "zod";
import { money, optionalId, quantity, text, type LineItemFact } from "../ingest/index.ts";

const reference = z.object({ id: optionalId }).nullish();

export const BulkMoneySchema = z.object({ shopMoney: z.object({ amount: money, currencyCode: text }) }).nullish();

const BulkLineItemSchema = z.object({
  id: optionalId,
  title: text,
  quantity: quantity,
  sku: text,
  variant: reference,
  product: reference,
  originalUnitPriceSet: BulkMoneySchema,
});

/** `LineItem` / `AbandonedCheckoutLineItem` child lines; one that cannot be read is left out, as the webhook reader does. */
export function readBulkLineItems(values: readonly unknown[]): LineItemFact[] {
  return values.flatMap((value): LineItemFact[] => {
    const read = BulkLineItemSchema.safeParse(value);
    if (!read.success) return [];
    const line = read.data;
    return [
      {
        lineItemId: line.id,
        productId: line.product?.id ?? null,
        variantId: line.variant?.id ?? null,
        sku: line.sku,
        title: line.title,
        quantity: line.quantity,
        price: line.originalUnitPriceSet?.shopMoney.amount ?? null,
      },
    ];
  });
}
