import type { Hono } from "hono";
import type { AppEnv } from "../context/app-env.ts";
import { checkHealth } from "../services/operations/check-health.ts";

export function registerHealth(app: Hono<AppEnv>): void {
  app.get("/healthz", async (c) => {
    const { dbMs } = await checkHealth({ ctx: c.get("deps") });
    return c.json({ ok: true, apiVersion: c.get("config").SHOPIFY_API_VERSION, dbMs });
  });
}
