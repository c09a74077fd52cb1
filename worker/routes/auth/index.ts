import { Hono } from "hono";
import type { AppEnv } from "../../env.ts";

/** Browser-facing install routes: authorization-code grant (/auth, /auth/callback) and connect links (/connect). */
export const authRoutes = new Hono<AppEnv>();
