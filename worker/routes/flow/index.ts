import { Hono } from "hono";
import type { AppEnv } from "../../env.ts";

/** Shopify Flow: action endpoints and the trigger lifecycle callback under /flow. */
export const flowRoutes = new Hono<AppEnv>();
