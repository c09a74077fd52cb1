import { Hono } from "hono";
import type { AppEnv } from "../../env.ts";
import { requireServerKey } from "../../middleware/require-server-key.ts";
import { registerCreateConnectLink } from "./create-connect-link.ts";

/** The public API under /v1, authenticated by server key. */
export const apiRoutes = new Hono<AppEnv>();

apiRoutes.use(requireServerKey());
registerCreateConnectLink(apiRoutes);
