import { Hono } from "hono";
import type { z } from "zod";
import type { AppEnv } from "../../context/app-env.ts";
import { tenantContext } from "../../http/tenant-context.ts";
import { validateJson } from "../../http/validate-input.ts";
import { PreviewLandingPageInput } from "../../services/landing-pages/landing-page-input.ts";
import { previewLandingPage, type LandingPagePreview } from "../../services/landing-pages/preview-landing-page.ts";
import { landingPageWriteError } from "./landing-page-errors.ts";

export type PreviewLandingPageBody = z.input<typeof PreviewLandingPageInput>;

/** `POST /landing-pages/preview` `{ page, audience }` → `{ html, audience, productIds }`: the unsaved page as HTML. */
export const previewLandingPageRoute = new Hono<AppEnv>().post("/landing-pages/preview", validateJson(PreviewLandingPageInput), async (c) => {
  const preview = await previewLandingPage({ ctx: await tenantContext(c), input: c.req.valid("json") });
  if (!preview.ok) throw landingPageWriteError(preview.error);
  return c.json(preview.value satisfies LandingPagePreview);
});
