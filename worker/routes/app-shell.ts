import type { Context, Hono } from "hono";
import type { AppEnv } from "../context/app-env.ts";
import { AppError } from "../errors.ts";
import { renderAppShell } from "../services/app-shell/render-app-shell.ts";

async function serveAppShell(c: Context<AppEnv>): Promise<Response> {
  const page = await renderAppShell({ ctx: c.get("deps"), input: { requestUrl: c.req.url } });
  if (!page.ok) {
    c.get("log").error("admin shell missing from assets", { route: c.req.path });
    throw new AppError("internal_error", "The admin is not built; run npm run build:admin before deploying.");
  }
  return c.body(page.value.html, 200, page.value.headers);
}

/**
 * The embedded admin: `/app` and every path under it get the SPA's document; static files come from the ASSETS
 * binding. The worker runs first so API routes never hit the asset store.
 */
export function registerAppShell(app: Hono<AppEnv>): void {
  app.get("/app", serveAppShell);
  app.get("/app/*", serveAppShell);
  app.get("/assets/*", async (c) => {
    const asset = await c.env.ASSETS.fetch(c.req.raw);
    if (asset.status === 404) throw new AppError("not_found", `No admin asset at ${c.req.path}.`);
    // Asset responses have immutable headers; the request-context middleware adds X-Request-Id to every response.
    return new Response(asset.body, asset);
  });
}
