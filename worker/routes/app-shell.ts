import type { Hono } from "hono";
import type { AppEnv } from "../env.ts";

/** Static admin assets come from the ASSETS binding; the worker runs first so API routes never hit the asset store. */
export function registerAppShell(app: Hono<AppEnv>): void {
  app.get("/assets/*", (c) => c.env.ASSETS.fetch(c.req.raw));
}
