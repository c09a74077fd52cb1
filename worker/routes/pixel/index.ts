import { Hono } from "hono";
import type { AppEnv } from "../../env.ts";

/** The web pixel collector: /pixel/v1/handshake and /pixel/v1/events. */
export const pixelRoutes = new Hono<AppEnv>();
