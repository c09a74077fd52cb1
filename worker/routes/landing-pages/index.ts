import { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { createLandingPageRoute } from "./create-landing-page.ts";
import { deleteLandingPageRoute } from "./delete-landing-page.ts";
import { getLandingPageRoute } from "./get-landing-page.ts";
import { listLandingPagesRoute } from "./list-landing-pages.ts";
import { previewLandingPageRoute } from "./preview-landing-page.ts";
import { updateLandingPageRoute } from "./update-landing-page.ts";

/** The landing page endpoints of the embedded admin (/admin/api); the session token's shop is the tenant. */
export const landingPageRoutes = new Hono<AppEnv>()
  .route("/", previewLandingPageRoute)
  .route("/", listLandingPagesRoute)
  .route("/", createLandingPageRoute)
  .route("/", getLandingPageRoute)
  .route("/", updateLandingPageRoute)
  .route("/", deleteLandingPageRoute);
