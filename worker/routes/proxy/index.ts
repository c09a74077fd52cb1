import { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { requireAppProxySignature } from "../../middleware/require-app-proxy-signature.ts";
import { getLandingPageRoute } from "./get-landing-page.ts";
import { getRecommendationStripRoute } from "./get-recommendation-strip.ts";

/**
 * The app proxy (shopify.app.toml `[app_proxy]`): Shopify forwards storefront `/apps/segops/*` here, signed. Every
 * answer is Liquid that Shopify renders in the shop's theme.
 */
export const proxyRoutes = new Hono<AppEnv>()
  .use(requireAppProxySignature())
  .route("/", getRecommendationStripRoute)
  .route("/", getLandingPageRoute);
