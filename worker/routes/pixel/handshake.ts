import type { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { startPixelSession } from "../../services/pixel/start-pixel-session.ts";
import { limitBody } from "../../http/limit-body.ts";
import { methodNotAllowed } from "../../http/method-not-allowed.ts";
import { refusePixel } from "./refuse-pixel.ts";

export type { HandshakeResponse } from "../../services/pixel/start-pixel-session.ts";

const MAX_HANDSHAKE_BYTES = 4_096;

/** `POST /pixel/v1/handshake` `{ publicKey, clientId }` → 200 `{ token, expiresAt, config }`. */
export function registerHandshake(app: Hono<AppEnv>): void {
  app.post("/handshake", limitBody(MAX_HANDSHAKE_BYTES), async (c) => {
    const session = await startPixelSession({ ctx: c.get("deps"), input: { text: await c.req.text() } });
    if (!session.ok) return refusePixel(session.error);
    return c.json(session.value);
  });
  app.all("/handshake", methodNotAllowed("POST, OPTIONS"));
}
