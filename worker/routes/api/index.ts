import { Hono } from "hono";
import type { AppEnv } from "../../env.ts";

/** The public API under /v1, authenticated by server key. */
export const apiRoutes = new Hono<AppEnv>();
