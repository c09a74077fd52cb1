import { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { registerReceivePubsub } from "./receive-pubsub.ts";
import { registerReceiveWebhook } from "./receive-webhook.ts";

/** Shopify webhook deliveries: HTTPS (/webhooks, /webhooks/compliance) and the Pub/Sub push bridge (/webhooks/pubsub). */
export const webhooksRoutes = new Hono<AppEnv>();

registerReceivePubsub(webhooksRoutes);
registerReceiveWebhook(webhooksRoutes);
