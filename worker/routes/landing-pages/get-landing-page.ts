import { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { AppError } from "../../errors.ts";
import { slugParam } from "../../http/slug-param.ts";
import { tenantContext } from "../../http/tenant-context.ts";
import { getLandingPage } from "../../services/landing-pages/get-landing-page.ts";
import type { LandingPageView } from "../../services/landing-pages/landing-page-view.ts";

/** `GET /landing-pages/:slug`: the page as the editor shows it, draft or published. */
export const getLandingPageRoute = new Hono<AppEnv>().get("/landing-pages/:slug", slugParam("landing page"), async (c) => {
  const { slug } = c.req.valid("param");
  const page = await getLandingPage({ ctx: await tenantContext(c), input: { slug } });
  if (!page) throw new AppError("not_found", `No landing page ${slug} in this workspace.`);
  return c.json(page satisfies LandingPageView);
});
