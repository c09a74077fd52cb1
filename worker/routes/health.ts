import type { Hono } from "hono";
import type { AppEnv } from "../context/app-env.ts";

export function registerHealth(app: Hono<AppEnv>): void {
  app.get("/healthz", async (c) => {
    const started = Date.now();
    await c.env.DB.prepare("select 1").first();
    return c.json({ ok: true, apiVersion: c.get("config").SHOPIFY_API_VERSION, dbMs: Date.now() - started });
  });
}
