import type { Hono } from "hono";
import type { AppEnv } from "../context/app-env.ts";
import { AppError } from "../errors.ts";
import { checkHealth } from "../services/operations/check-health.ts";

export function registerHealth(app: Hono<AppEnv>): void {
  app.get("/healthz", async (c) => {
    const { dbMs, databases, failed, checkedAt } = await checkHealth({ ctx: c.get("deps"), input: { now: Date.now() } });
    // Which database failed goes to the operator's log, not to an anonymous caller.
    if (failed.length > 0) throw new AppError("unavailable", `${failed.length} of ${databases} databases did not answer; try again in a moment.`, { headers: { "Retry-After": "10" } });
    return c.json({ ok: true, apiVersion: c.get("config").SHOPIFY_API_VERSION, dbMs, databases, checkedAt: new Date(checkedAt).toISOString() });
  });
}
