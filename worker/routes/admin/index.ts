import { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { limitBody, MAX_API_BODY_BYTES } from "../../http/limit-body.ts";
import { requireSessionToken } from "../../middleware/require-session-token.ts";
import { requireTenant } from "../../middleware/require-tenant.ts";
import { backfillRoutes } from "./backfill.ts";
import { discountRuleRoutes } from "./discount-rules.ts";
import { billingRoutes } from "./billing.ts";
import { eventStreamRoutes } from "./event-stream.ts";
import { getBootstrapRoute } from "./get-bootstrap.ts";
import { setupRoutes } from "./get-setup.ts";
import { keyRoutes } from "./keys.ts";
import { landingPageRoutes } from "../landing-pages/index.ts";
import { pixelSettingsRoutes } from "./pixel-settings.ts";
import { privacyRoutes } from "./privacy.ts";
import { productRoutes } from "../products/index.ts";
import { catalogRoutes } from "./catalog.ts";
import { productSyncRoutes } from "./product-sync.ts";
import { segmentRoutes } from "../segments/index.ts";
import { suggestedSegmentsRoutes } from "../segments/suggested-segments.ts";

/** The embedded admin's API under /admin/api, authenticated by App Bridge session token. */
export const adminRoutes = new Hono<AppEnv>()
  .use(limitBody(MAX_API_BODY_BYTES))
  .use(requireSessionToken())
  .route("/", getBootstrapRoute)
  .use(requireTenant())
  .route("/", setupRoutes)
  .route("/", keyRoutes)
  .route("/", backfillRoutes)
  .route("/", pixelSettingsRoutes)
  .route("/", privacyRoutes)
  .route("/", eventStreamRoutes)
  .route("/", suggestedSegmentsRoutes)
  .route("/", segmentRoutes)
  .route("/", catalogRoutes)
  .route("/", productSyncRoutes)
  .route("/", productRoutes)
  .route("/", discountRuleRoutes)
  .route("/", billingRoutes)
  .route("/", landingPageRoutes);

/** What `hono/client` types the admin's API client from (admin/src/api/client.ts): paths, inputs and responses. */
export type AdminAppType = typeof adminRoutes;
