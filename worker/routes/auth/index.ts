import { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { registerAuthCallback } from "./auth-callback.ts";
import { registerBeginAuth } from "./begin-auth.ts";
import { registerConnectPage } from "./connect-page.ts";

/** Browser-facing install routes: authorization-code grant (/auth, /auth/callback) and connect links (/connect). */
export const authRoutes = new Hono<AppEnv>();

registerBeginAuth(authRoutes);
registerAuthCallback(authRoutes);
registerConnectPage(authRoutes);
