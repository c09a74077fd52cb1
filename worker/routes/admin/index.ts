import { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { requireSessionToken } from "../../middleware/require-session-token.ts";
import { requireTenant } from "../../middleware/require-tenant.ts";
import { registerBackfill } from "./backfill.ts";
import { registerEventStream } from "./event-stream.ts";
import { registerGetBootstrap } from "./get-bootstrap.ts";
import { registerGetSetup } from "./get-setup.ts";
import { registerKeys } from "./keys.ts";
import { registerPixelSettings } from "./pixel-settings.ts";
import { registerPrivacy } from "./privacy.ts";
import { registerProductRoutes } from "../products/index.ts";
import { registerSegmentRoutes } from "../segments/index.ts";

/** The embedded admin's API under /admin/api, authenticated by App Bridge session token. */
export const adminRoutes = new Hono<AppEnv>();

adminRoutes.use(requireSessionToken());
registerGetBootstrap(adminRoutes);
adminRoutes.use(requireTenant());
registerGetSetup(adminRoutes);
registerKeys(adminRoutes);
registerBackfill(adminRoutes);
registerPixelSettings(adminRoutes);
registerPrivacy(adminRoutes);
registerEventStream(adminRoutes);
registerSegmentRoutes(adminRoutes, { suggestions: true });
registerProductRoutes(adminRoutes);
