import type { Hono } from "hono";
import type { AppEnv } from "../context/app-env.ts";
import { checkHealth } from "../services/operations/check-health.ts";

export function registerHealth(app: Hono<AppEnv>): void {
  app.get("/healthz", async (c) => {
    const { dbMs, checkedAt } = await checkHealth({ ctx: c.get("deps"), input: { now: Date.now() } });
    return c.json({ ok: true, apiVersion: c.get("config").SHOPIFY_API_VERSION, dbMs, checkedAt: new Date(checkedAt).toISOString() });
  });
}
