import { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { limitBody, MAX_API_BODY_BYTES } from "../../http/limit-body.ts";
import { requireServerKey } from "../../middleware/require-server-key.ts";
import { createConnectLinkRoute } from "./create-connect-link.ts";
import { getProfileRoute } from "./get-profile.ts";
import { importProductsRoute, MAX_IMPORT_BYTES } from "./import-products.ts";
import { createProductRoute } from "./create-product.ts";
import { listEventsRoute } from "./list-events.ts";
import { recordMentionsRoute } from "./record-mentions.ts";
import { productRoutes } from "../products/index.ts";
import { segmentRoutes } from "../segments/index.ts";

/** The public API under /v1, authenticated by server key. */
export const apiRoutes = new Hono<AppEnv>()
  // The CSV import streams a larger body; it answers before the general limit below runs.
  .use("/products/import", limitBody(MAX_IMPORT_BYTES), requireServerKey())
  .route("/", importProductsRoute)
  .use(limitBody(MAX_API_BODY_BYTES))
  .use(requireServerKey())
  .route("/", createConnectLinkRoute)
  .route("/", listEventsRoute)
  .route("/", getProfileRoute)
  .route("/", recordMentionsRoute)
  .route("/", segmentRoutes)
  .route("/", createProductRoute)
  .route("/", productRoutes);
