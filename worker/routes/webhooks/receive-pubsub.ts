import type { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { pubsubSettings } from "../../env.ts";
import { AppError } from "../../errors.ts";
import { acceptPubsubPush } from "../../services/ingest/accept-pubsub-push.ts";
import { limitBody } from "../../http/limit-body.ts";
import { methodNotAllowed } from "../../http/method-not-allowed.ts";
import { MAX_WEBHOOK_BYTES } from "./receive-webhook.ts";

// Base64 grows the Shopify body by a third inside Google's envelope.
const MAX_ENVELOPE_BYTES = Math.ceil((MAX_WEBHOOK_BYTES * 4) / 3) + 16_384;

const notFound = (method: string, path: string) => new AppError("not_found", `No route for ${method} ${path}.`);

/**
 * `POST /webhooks/pubsub`: Google's push of Shopify webhooks; 401 without a valid OIDC token, 204 = ack. Without
 * Pub/Sub configured the path does not exist (404 on every method), so nothing is verified against unset values.
 */
export function registerReceivePubsub(app: Hono<AppEnv>): void {
  app.all("/pubsub", async (c, next) => {
    if (!pubsubSettings(c.get("config"))) throw notFound(c.req.method, c.req.path);
    await next();
  });
  app.post("/pubsub", limitBody(MAX_ENVELOPE_BYTES), async (c) => {
    const header = c.req.header("Authorization") ?? "";
    const bearer = header.startsWith("Bearer ") ? header.slice("Bearer ".length).trim() : null;
    const accepted = await acceptPubsubPush({ ctx: c.get("deps"), input: { bearer, text: await c.req.text() } });
    if (!accepted.ok) {
      if (accepted.error.reason === "not_configured") throw notFound(c.req.method, c.req.path);
      if (accepted.error.reason === "invalid_token") {
        c.get("log").warn("pubsub push refused", { reason: accepted.error.detail });
        throw new AppError("invalid_token", "The Pub/Sub push token is missing or not valid for this endpoint.");
      }
      throw new AppError("bad_request", accepted.error.message);
    }
    return c.body(null, 204);
  });
  app.all("/pubsub", methodNotAllowed("POST"));
}
