import { Hono } from "hono";
import type { z } from "zod";
import type { AppEnv } from "../../context/app-env.ts";
import { slugParam } from "../../http/slug-param.ts";
import { tenantContext } from "../../http/tenant-context.ts";
import { validateJson } from "../../http/validate-input.ts";
import { UpdateLandingPageInput } from "../../services/landing-pages/landing-page-input.ts";
import type { LandingPageView } from "../../services/landing-pages/landing-page-view.ts";
import { updateLandingPage } from "../../services/landing-pages/update-landing-page.ts";
import { landingPageWriteError } from "./landing-page-errors.ts";

export type UpdateLandingPageBody = z.input<typeof UpdateLandingPageInput>;

/** `PATCH /landing-pages/:slug` with any fields; `{ status: "published" }` publishes (the slug stays). */
export const updateLandingPageRoute = new Hono<AppEnv>().patch("/landing-pages/:slug", slugParam("landing page"), validateJson(UpdateLandingPageInput), async (c) => {
  const updated = await updateLandingPage({ ctx: await tenantContext(c), input: { slug: c.req.valid("param").slug, changes: c.req.valid("json") } });
  if (!updated.ok) throw landingPageWriteError(updated.error);
  return c.json(updated.value satisfies LandingPageView);
});
