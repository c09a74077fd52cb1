import { env, exports } from "cloudflare:workers";
import { deliveryRequest, simClient, type SimDelivery, type Via } from "./simulator-client.ts";

/** A shop in the simulator with a seeded active tenant for it; storage is shared in a file, so each test gets its own. */
export async function simulatedShop() {
  const sim = simClient(env.TEST_SIMULATOR_URL);
  const { shop } = await sim.createShop({ size: { products: 1, customers: 1, orders: 1, abandonedCheckouts: 0 } });
  return { sim, shop };
}

/** Builds a real signed delivery in the simulator (HMAC for HTTPS, OIDC + envelope for Pub/Sub) and sends it. */
export async function deliver(
  sim: ReturnType<typeof simClient>,
  shop: string,
  input: { topic: string; payloadText: string; via: Via; webhookId?: string; triggeredAt?: string; headers?: Record<string, string> },
): Promise<{ delivery: SimDelivery; response: Response }> {
  const delivery = await sim.webhook(shop, input);
  return { delivery, response: await exports.default.fetch(deliveryRequest(delivery)) };
}

export function sendDelivery(delivery: SimDelivery, overrides: { headers?: Record<string, string>; body?: string } = {}): Promise<Response> {
  return exports.default.fetch(
    new Request(delivery.url, { method: "POST", headers: { ...delivery.headers, ...overrides.headers }, body: overrides.body ?? delivery.body }),
  );
}

/** The worker with some bindings replaced (secret rotation, another audience…), as a deploy with that config would run. */
export async function fetchWithEnv(request: Request, overrides: Partial<Record<keyof Env, unknown>>): Promise<Response> {
  const { createExecutionContext, waitOnExecutionContext } = await import("cloudflare:test");
  const worker = (await import("../../worker/index.ts")).default;
  const ctx = createExecutionContext();
  const response = await worker.fetch(request as Request<unknown, IncomingRequestCfProperties>, { ...env, ...overrides } as Env, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}
