import { and, eq } from "drizzle-orm";
import type { TenantContext } from "../../context/deps.ts";
import { ordersTable } from "../../db/schema/profiles.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import { recommendProducts, type Recommendation } from "../recommendations/recommend-products.ts";

export type OrderRecommendationsInput = {
  /** The buyer from the extension's token (`sub`); null when Shopify does not share it (a guest, or no customer data access). */
  customerId: string | null;
  /** The order the page shows, when the extension knows it. */
  orderId: string | null;
  /** The order's products as the page lists them: the order may not have reached SegOps yet on the thank-you page. */
  productIds: readonly string[];
  limit: number;
};

export type OrderRecommendations = { products: Recommendation[]; personalised: boolean };
export type OrderRecommendationsError = { code: "order_not_found" };

/**
 * Products to show after a purchase: bought together with the order's products, then what the buyer viewed and
 * what their segments buy, then best sellers. The stored order adds its lines only when its customer is the
 * token's buyer; another customer's order answers not found, so an order id reveals nothing.
 */
export async function recommendForOrder({ ctx, input }: { ctx: TenantContext; input: OrderRecommendationsInput }): Promise<Result<OrderRecommendations, OrderRecommendationsError>> {
  const anchors = [...input.productIds];
  if (input.orderId && input.customerId) {
    const [order] = await ctx.db
      .select({ customerId: ordersTable.shopifyCustomerId, lineItems: ordersTable.lineItems })
      .from(ordersTable)
      .where(and(eq(ordersTable.tenantId, ctx.tenantId), eq(ordersTable.shopifyOrderId, input.orderId)));
    if (order && order.customerId !== input.customerId) return err({ code: "order_not_found" });
    if (order) anchors.push(...productIdsOf(order.lineItems));
  }
  const { products, shopper } = await recommendProducts({
    ctx,
    input: { rule: "personal", anchorProductIds: anchors, customerId: input.customerId, limit: input.limit },
  });
  return ok({ products, personalised: shopper !== null });
}

function productIdsOf(lineItems: unknown[]): string[] {
  return lineItems.flatMap((line) => {
    const productId = typeof line === "object" && line !== null ? (line as { productId?: unknown }).productId : null;
    return typeof productId === "string" ? [productId] : [];
  });
}
