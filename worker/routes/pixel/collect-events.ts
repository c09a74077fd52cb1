import type { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { acceptPixelEvents } from "../../services/pixel/accept-pixel-events.ts";
import { MAX_BATCH_BYTES } from "../../services/pixel/load-pixel-config.ts";
import { limitBody } from "../../http/limit-body.ts";
import { methodNotAllowed } from "../../http/method-not-allowed.ts";
import { refusePixel } from "./refuse-pixel.ts";

/** `POST /pixel/v1/events` `{ token, events }` (text/plain, so CORS-simple) → 202 `{ accepted }`. */
export function registerCollectEvents(app: Hono<AppEnv>): void {
  app.post("/events", limitBody(MAX_BATCH_BYTES), async (c) => {
    const meta = { origin: c.req.header("Origin") ?? null, userAgent: c.req.header("User-Agent") ?? null };
    const accepted = await acceptPixelEvents({ ctx: c.get("deps"), input: { text: await c.req.text(), meta } });
    if (!accepted.ok) return refusePixel(accepted.error);
    return c.json(accepted.value, 202);
  });
  app.all("/events", methodNotAllowed("POST, OPTIONS"));
}
