import { env, exports } from "cloudflare:workers";
import { bytesToBase64 } from "../../worker/lib/encoding.ts";
import { signHmacSha256 } from "../../worker/shopify/hmac.ts";
import { sim } from "./harness.ts";
import type { SimClient, SimDelivery, Via } from "./simulator-client.ts";

/** A shop in the simulator with a seeded active tenant for it; storage is shared in a file, so each test gets its own. */
export async function simulatedShop() {
  const client = sim();
  const { shop } = await client.createShop({ size: { products: 1, customers: 1, orders: 1, abandonedCheckouts: 0 } });
  return { sim: client, shop };
}

/** The `X-Shopify-Hmac-Sha256` Shopify sends with `body`: base64 HMAC-SHA256 with the app secret. */
export async function signWebhook(body: string, secret: string = env.SHOPIFY_API_SECRET): Promise<string> {
  return bytesToBase64(await signHmacSha256(secret, body));
}

/** Sends a delivery the simulator built to the worker, as Shopify or Pub/Sub would; `overrides` tamper with it. */
export function sendDelivery(delivery: SimDelivery, overrides: { headers?: Record<string, string>; body?: string } = {}): Promise<Response> {
  return exports.default.fetch(
    new Request(delivery.url, { method: delivery.method, headers: { ...delivery.headers, ...overrides.headers }, body: overrides.body ?? delivery.body }),
  );
}

/** Builds a real signed delivery in the simulator (HMAC for HTTPS, OIDC + envelope for Pub/Sub) and sends it. */
export async function deliver(
  sim: SimClient,
  shop: string,
  input: { topic: string; payloadText: string; via: Via; webhookId?: string; triggeredAt?: string; headers?: Record<string, string> },
): Promise<{ delivery: SimDelivery; response: Response }> {
  const delivery = await sim.webhook(shop, input);
  return { delivery, response: await sendDelivery(delivery) };
}

/** The worker with some bindings replaced (secret rotation, another audience…), as a deploy with that config would run. */
export async function fetchWithEnv(request: Request, overrides: Partial<Record<keyof Cloudflare.Env, unknown>>): Promise<Response> {
  const { createExecutionContext, waitOnExecutionContext } = await import("cloudflare:test");
  const worker = (await import("../../worker/index.ts")).default;
  const ctx = createExecutionContext();
  const response = await worker.fetch(request as Request<unknown, IncomingRequestCfProperties>, { ...env, ...overrides } as Env, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

/** A delivery Shopify signed for `body`, sent with whatever topic and shop headers an attacker chose. */
export async function sendSigned(input: { shop: string; topic: string; body: string; triggeredAt?: string; compliance?: boolean }) {
  const headers = {
    "Content-Type": "application/json",
    "X-Shopify-Topic": input.topic,
    "X-Shopify-Shop-Domain": input.shop,
    "X-Shopify-Hmac-Sha256": await signWebhook(input.body),
    "X-Shopify-Webhook-Id": crypto.randomUUID(),
    "X-Shopify-Event-Id": crypto.randomUUID(),
    "X-Shopify-Triggered-At": input.triggeredAt ?? new Date().toISOString(),
    "X-Shopify-API-Version": "2026-07",
  };
  const url = `https://segops.test/webhooks${input.compliance ? "/compliance" : ""}`;
  return exports.default.fetch(new Request(url, { method: "POST", headers, body: input.body }));
}
