import { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { AppError } from "../../errors.ts";
import { slugParam } from "../../http/slug-param.ts";
import { tenantContext } from "../../http/tenant-context.ts";
import { deleteLandingPage } from "../../services/landing-pages/delete-landing-page.ts";

/** `DELETE /landing-pages/:slug` → 204; its storefront address answers 404 from then on. */
export const deleteLandingPageRoute = new Hono<AppEnv>().delete("/landing-pages/:slug", slugParam("landing page"), async (c) => {
  const { slug } = c.req.valid("param");
  if (!(await deleteLandingPage({ ctx: await tenantContext(c), input: { slug } }))) throw new AppError("not_found", `No landing page ${slug} in this workspace.`);
  return c.body(null, 204);
});
