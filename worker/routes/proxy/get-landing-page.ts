import { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { AppError } from "../../errors.ts";
import { slugParam } from "../../http/slug-param.ts";
import { tenantContext } from "../../http/tenant-context.ts";
import { validateQuery } from "../../http/validate-input.ts";
import { serveLandingPage } from "../../services/landing-pages/serve-landing-page.ts";
import { LIQUID_HEADERS, ProxyQuery } from "./proxy-query.ts";

/** `GET /proxy/pages/:slug` (storefront `/apps/segops/pages/:slug`): a published landing page as Liquid, for this shopper. */
export const getLandingPageRoute = new Hono<AppEnv>().get("/pages/:slug", slugParam("landing page"), validateQuery(ProxyQuery), async (c) => {
  const query = c.req.valid("query");
  const served = await serveLandingPage({
    ctx: await tenantContext(c),
    input: { slug: c.req.valid("param").slug, customerId: query.logged_in_customer_id, fragment: query.fragment },
  });
  if (!served.ok) throw new AppError("not_found", `No published landing page ${c.req.valid("param").slug}.`);
  return c.body(served.value.liquid, 200, LIQUID_HEADERS);
});
