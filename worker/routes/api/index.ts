import { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { requireServerKey } from "../../middleware/require-server-key.ts";
import { registerCreateConnectLink } from "./create-connect-link.ts";
import { registerGetProfile } from "./get-profile.ts";
import { registerListEvents } from "./list-events.ts";
import { registerProductRoutes } from "../products/index.ts";
import { registerSegmentRoutes } from "../segments/index.ts";

/** The public API under /v1, authenticated by server key. */
export const apiRoutes = new Hono<AppEnv>();

apiRoutes.use(requireServerKey());
registerCreateConnectLink(apiRoutes);
registerListEvents(apiRoutes);
registerGetProfile(apiRoutes);
registerSegmentRoutes(apiRoutes, { suggestions: false });
registerProductRoutes(apiRoutes);
