import { z } from "zod";
import type { LineItemFact } from "./facts.ts";
import { money, optionalId, quantity, text } from "../../shopify/payload/read-fields.ts";

const LineItemSchema = z.object({
  id: optionalId,
  key: text,
  product_id: optionalId,
  variant_id: optionalId,
  sku: text,
  title: text,
  name: text,
  quantity: quantity,
  price: money,
});

export const LineItemsSchema = z
  .array(z.unknown())
  .nullish()
  .transform((items) =>
    (items ?? []).flatMap((item): LineItemFact[] => {
      const read = LineItemSchema.safeParse(item);
      if (!read.success) return [];
      const line = read.data;
      return [
        {
          lineItemId: line.id ?? line.key,
          productId: line.product_id,
          variantId: line.variant_id,
          sku: line.sku,
          title: line.title ?? line.name,
          quantity: line.quantity,
          price: line.price,
        },
      ];
    }),
  );
