import { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { AppError } from "../../errors.ts";
import { tenantContext } from "../../http/tenant-context.ts";
import { validateQuery } from "../../http/validate-input.ts";
import { recommendForOrder } from "../../services/checkout/recommend-for-order.ts";
import { CheckoutQuery, NO_STORE, OrderIdParam, toResponse, type CheckoutRecommendationsResponse } from "./checkout-query.ts";

const ThankYouQuery = CheckoutQuery.extend({ order_id: OrderIdParam.optional() });

/** `GET /checkout/v1/thank-you`: the thank-you block's products, bought together with this order's, for this buyer. */
export const getThankYouRecommendationsRoute = new Hono<AppEnv>().get("/thank-you", validateQuery(ThankYouQuery), async (c) => {
  const query = c.req.valid("query");
  const answer = await recommendForOrder({
    ctx: await tenantContext(c),
    input: { customerId: c.get("buyerCustomerId") ?? null, orderId: query.order_id ?? null, productIds: query.product_ids, limit: query.limit },
  });
  if (!answer.ok) throw new AppError("not_found", "No such order for this buyer.");
  return c.json(toResponse(answer.value) satisfies CheckoutRecommendationsResponse, 200, NO_STORE);
});
