import { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { tenantContext } from "../../http/tenant-context.ts";
import type { LandingPageView } from "../../services/landing-pages/landing-page-view.ts";
import { listLandingPages } from "../../services/landing-pages/list-landing-pages.ts";

export type ListLandingPagesResponse = { data: LandingPageView[] };

/** `GET /landing-pages` → `{ data }`: the workspace's pages, most recently changed first. */
export const listLandingPagesRoute = new Hono<AppEnv>().get("/landing-pages", async (c) => {
  const data = await listLandingPages({ ctx: await tenantContext(c) });
  return c.json({ data } satisfies ListLandingPagesResponse);
});
