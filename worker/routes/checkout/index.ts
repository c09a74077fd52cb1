import { Hono } from "hono";
import { cors } from "hono/cors";
import type { AppEnv } from "../../context/app-env.ts";
import { requireCheckoutToken } from "../../middleware/require-checkout-token.ts";
import { getOrderStatusRecommendationsRoute } from "./get-order-status-recommendations.ts";
import { getThankYouRecommendationsRoute } from "./get-thank-you-recommendations.ts";

/**
 * For the thank-you (checkout) and order status (customer account) UI extensions. They run in a Shopify-hosted
 * sandbox whose origin Shopify may change, and send a bearer token, never cookies: any origin may call, with GET
 * and Authorization only, as Shopify's own app libraries answer. The preflight is answered before the token check.
 */
export const checkoutRoutes = new Hono<AppEnv>()
  .use(cors({ origin: "*", allowMethods: ["GET"], allowHeaders: ["Authorization"], maxAge: 7200 }))
  .use(requireCheckoutToken())
  .route("/", getThankYouRecommendationsRoute)
  .route("/", getOrderStatusRecommendationsRoute);
