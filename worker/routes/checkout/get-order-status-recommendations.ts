import { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { AppError } from "../../errors.ts";
import { tenantContext } from "../../http/tenant-context.ts";
import { validateQuery } from "../../http/validate-input.ts";
import { recommendForOrder } from "../../services/checkout/recommend-for-order.ts";
import { CheckoutQuery, NO_STORE, OrderIdParam, toResponse, type CheckoutRecommendationsResponse } from "./checkout-query.ts";

const OrderStatusQuery = CheckoutQuery.extend({ order_id: OrderIdParam });

/** `GET /checkout/v1/order-status`: the order status block's products for the signed-in customer's order. */
export const getOrderStatusRecommendationsRoute = new Hono<AppEnv>().get("/order-status", validateQuery(OrderStatusQuery), async (c) => {
  const query = c.req.valid("query");
  const answer = await recommendForOrder({
    ctx: await tenantContext(c),
    input: { customerId: c.get("buyerCustomerId") ?? null, orderId: query.order_id, productIds: query.product_ids, limit: query.limit },
  });
  if (!answer.ok) throw new AppError("not_found", "No such order for this customer.");
  return c.json(toResponse(answer.value) satisfies CheckoutRecommendationsResponse, 200, NO_STORE);
});
