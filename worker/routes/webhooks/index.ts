import { Hono } from "hono";
import type { AppEnv } from "../../env.ts";

/** Shopify webhook deliveries: HTTPS (/webhooks, /webhooks/compliance) and the Pub/Sub push bridge (/webhooks/pubsub). */
export const webhooksRoutes = new Hono<AppEnv>();
