import { z } from "zod";
import type { LineItemFact } from "../ingest/index.ts";
import { moneyValue, nullishObjectValue, objectValue, optionalIdValue, quantityValue, readFast, textValue } from "../../shopify/payload/read-field-values.ts";
import { money, optionalId, quantity, text } from "../../shopify/payload/read-fields.ts";

const reference = z.object({ id: optionalId }).nullish();

export const BulkMoneySchema = z.object({ shopMoney: z.object({ amount: money, currencyCode: text }) }).nullish();

export const BulkLineItemSchema = z.object({
  id: optionalId,
  title: text,
  quantity: quantity,
  sku: text,
  variant: reference,
  product: reference,
  originalUnitPriceSet: BulkMoneySchema,
});

type BulkMoney = z.output<typeof BulkMoneySchema>;

/** `BulkMoneySchema` without zod (see read-field-values.ts). */
export function bulkMoneyValue(value: unknown): BulkMoney {
  const set = nullishObjectValue(value);
  if (set === null || set === undefined) return set;
  const shopMoney = objectValue(set.shopMoney);
  return { shopMoney: { amount: moneyValue(shopMoney.amount), currencyCode: textValue(shopMoney.currencyCode) } };
}

function referenceValue(value: unknown): { id: string | null } | null | undefined {
  const ref = nullishObjectValue(value);
  return ref === null || ref === undefined ? ref : { id: optionalIdValue(ref.id) };
}

/** `BulkLineItemSchema` without zod. */
export function bulkLineItemValue(value: unknown): z.output<typeof BulkLineItemSchema> {
  const line = objectValue(value);
  return {
    id: optionalIdValue(line.id),
    title: textValue(line.title),
    quantity: quantityValue(line.quantity),
    sku: textValue(line.sku),
    variant: referenceValue(line.variant),
    product: referenceValue(line.product),
    originalUnitPriceSet: bulkMoneyValue(line.originalUnitPriceSet),
  };
}

/** `LineItem` / `AbandonedCheckoutLineItem` child lines; one that cannot be read is left out, as the webhook reader does. */
export function readBulkLineItems(values: readonly unknown[]): LineItemFact[] {
  return values.flatMap((value): LineItemFact[] => {
    const read = readFast(BulkLineItemSchema, bulkLineItemValue, value, "line item");
    if (!read.ok) return [];
    const line = read.value;
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
