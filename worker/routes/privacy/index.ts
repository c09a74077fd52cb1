import { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { registerDownloadExport } from "./download-export.ts";

/** Privacy surfaces reached outside the admin: customer data exports behind signed links. */
export const privacyRoutes = new Hono<AppEnv>();

registerDownloadExport(privacyRoutes);
