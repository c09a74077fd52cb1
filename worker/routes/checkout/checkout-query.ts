import { z } from "zod";
import type { OrderRecommendations } from "../../services/checkout/recommend-for-order.ts";
import { idFromGid } from "../../shopify/gid.ts";

/** A Shopify id as the extension APIs give it (`gid://shopify/Order/1`) or bare digits; the bare id. */
const shopifyId = (type: string) =>
  z
    .string()
    .regex(new RegExp(`^(gid://shopify/${type}/)?\\d{1,20}$`), `a ${type} id (gid://shopify/${type}/… or digits)`)
    .transform(idFromGid);

/** What both extensions send: the order's products as the page lists them (comma-separated), and how many to show. */
export const CheckoutQuery = z.object({
  product_ids: z
    .string()
    .max(2_000)
    .optional()
    .transform((value) => (value ? value.split(",") : []))
    .pipe(z.array(shopifyId("Product")).max(50)),
  limit: z.coerce.number().int().min(1).max(12).default(4),
});

export const OrderIdParam = shopifyId("Order");

export type CheckoutRecommendationsResponse = {
  products: { productId: string; title: string; handle: string | null; imageUrl: string | null; reason: string }[];
  personalised: boolean;
};

/** Prices are left out: the page shows the buyer's currency, which SegOps' catalog prices are not in. */
export function toResponse(answer: OrderRecommendations): CheckoutRecommendationsResponse {
  return {
    products: answer.products.map(({ productId, title, handle, imageUrl, reason }) => ({ productId, title, handle, imageUrl, reason })),
    personalised: answer.personalised,
  };
}

/** The answers are personal: never cached by the browser or anything between. */
export const NO_STORE = { "Cache-Control": "private, no-store" };
