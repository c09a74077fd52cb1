import { Hono } from "hono";
import type { AppEnv } from "../../env.ts";

/** The embedded admin's API under /admin/api, authenticated by App Bridge session token. */
export const adminRoutes = new Hono<AppEnv>();
