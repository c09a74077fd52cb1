import { Hono } from "hono";
import type { z } from "zod";
import type { AppEnv } from "../../context/app-env.ts";
import { tenantContext } from "../../http/tenant-context.ts";
import { validateJson } from "../../http/validate-input.ts";
import { createLandingPage } from "../../services/landing-pages/create-landing-page.ts";
import { CreateLandingPageInput } from "../../services/landing-pages/landing-page-input.ts";
import type { LandingPageView } from "../../services/landing-pages/landing-page-view.ts";
import { landingPageWriteError } from "./landing-page-errors.ts";

export type CreateLandingPageBody = z.input<typeof CreateLandingPageInput>;

/** `POST /landing-pages` `{ slug, title, body?, blocks?, segment?, segmentBlocks?, products?, status? }` → 201. */
export const createLandingPageRoute = new Hono<AppEnv>().post("/landing-pages", validateJson(CreateLandingPageInput), async (c) => {
  const created = await createLandingPage({ ctx: await tenantContext(c), input: c.req.valid("json") });
  if (!created.ok) throw landingPageWriteError(created.error);
  return c.json(created.value satisfies LandingPageView, 201);
});
