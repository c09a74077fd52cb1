import type { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { AppError } from "../../errors.ts";
import { acceptWebhook } from "../../services/ingest/accept-webhook.ts";
import { limitBody } from "../../http/limit-body.ts";
import { methodNotAllowed } from "../../http/method-not-allowed.ts";

export const MAX_WEBHOOK_BYTES = 1_500_000;

/**
 * `POST /webhooks` (every topic) and `POST /webhooks/compliance` (the three privacy topics): 401 on a bad HMAC,
 * 400 without Shopify's headers, else 200 once the delivery is queued (or, for privacy topics, recorded).
 */
export function registerReceiveWebhook(app: Hono<AppEnv>): void {
  for (const path of ["/", "/compliance"]) {
    app.post(path, limitBody(MAX_WEBHOOK_BYTES), async (c) => {
      const accepted = await acceptWebhook({ ctx: c.get("deps"), input: { rawBody: await c.req.arrayBuffer(), headers: c.req.raw.headers } });
      if (!accepted.ok) throw new AppError(accepted.error.reason === "invalid_hmac" ? "invalid_hmac" : "bad_request", accepted.error.message);
      return c.json({ ok: true, topic: accepted.value.topic, outcome: accepted.value.outcome });
    });
    app.all(path, methodNotAllowed("POST"));
  }
}
