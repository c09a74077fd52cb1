import { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { registerCollectEvents } from "./collect-events.ts";
import { registerHandshake } from "./handshake.ts";
import { pixelCors } from "./pixel-cors.ts";

/** The web pixel collector: /pixel/v1/handshake and /pixel/v1/events. */
export const pixelRoutes = new Hono<AppEnv>();

pixelRoutes.use(pixelCors());
registerHandshake(pixelRoutes);
registerCollectEvents(pixelRoutes);
