import { describe, expect, it } from "vitest";
import orderText from "../../../fixtures/ingest/order-big-ids.json?raw";
import { deliveryRequest } from "../../../helpers/simulator-client.ts";
import { fetchWithEnv, simulatedShop } from "../../../helpers/webhook-requests.ts";
import { LOCAL_PUBSUB_SERVICE_ACCOUNT } from "../../../../worker/production-refusals.ts";

type ErrorBody = { error: { code: string; message: string; requestId: string } };
const GOOGLE_JWKS = "https://www.googleapis.com/oauth2/v3/certs";
const UNSET = { PUBSUB_AUDIENCE: undefined, PUBSUB_SERVICE_ACCOUNT: undefined, PUBSUB_JWKS_URL: undefined };
const PRODUCTION = {
  ENVIRONMENT: "production",
  PUBSUB_AUDIENCE: "https://segops.example.com/webhooks/pubsub",
  PUBSUB_SERVICE_ACCOUNT: "shopify-pubsub@segops-prod.iam.gserviceaccount.com",
  PUBSUB_JWKS_URL: GOOGLE_JWKS,
};

async function pubsubDelivery() {
  const { sim, shop } = await simulatedShop();
  return sim.webhook(shop, { topic: "orders/create", payloadText: orderText, via: "pubsub" });
}

describe("Pub/Sub route (security)", () => {
  it("answers 404 in the envelope on every method while Pub/Sub is not configured, even to a genuine push", async () => {
    const delivery = await pubsubDelivery();
    for (const request of [deliveryRequest(delivery), new Request(delivery.url), new Request(delivery.url, { method: "PUT", body: "{}" })]) {
      const res = await fetchWithEnv(request, UNSET);
      expect(res.status).toBe(404);
      const body = (await res.json()) as ErrorBody;
      expect(body.error.code).toBe("not_found");
      expect(body.error.requestId).toBe(res.headers.get("x-request-id"));
    }
  });

  it("takes a genuine push once audience, service account and JWKS are all set", async () => {
    const delivery = await pubsubDelivery();
    expect((await fetchWithEnv(deliveryRequest(delivery), {})).status).toBe(204);
    expect((await fetchWithEnv(new Request(delivery.url), {})).status).toBe(405);
  });

  it.each([
    ["only the audience", { ...UNSET, PUBSUB_AUDIENCE: "https://segops.test/webhooks/pubsub" }],
    ["data topics sent to Pub/Sub without the bridge", { ...UNSET, WEBHOOK_PUBSUB_URI: "pubsub://segops-prod:shopify-webhooks" }],
  ])("refuses to run with %s: every route answers bad_environment", async (_case, overrides) => {
    const res = await fetchWithEnv(new Request("https://segops.test/healthz"), overrides);
    expect(res.status).toBe(500);
    expect(((await res.json()) as ErrorBody).error.code).toBe("bad_environment");
  });

  it.each([
    ["the local audience", { PUBSUB_AUDIENCE: "http://127.0.0.1:8787/webhooks/pubsub" }],
    ["a loopback https audience", { PUBSUB_AUDIENCE: "https://localhost:8787/webhooks/pubsub" }],
    ["the local service account", { PUBSUB_SERVICE_ACCOUNT: LOCAL_PUBSUB_SERVICE_ACCOUNT }],
    ["the simulator's JWKS", { PUBSUB_JWKS_URL: "http://127.0.0.1:8790/_sim/oauth2/v3/certs" }],
  ])("refuses to run in production with %s: every route answers bad_environment without naming it", async (_case, overrides) => {
    for (const url of ["https://segops.test/healthz", "https://segops.test/webhooks/pubsub", "https://segops.test/v1/events"]) {
      const res = await fetchWithEnv(new Request(url, { method: url.endsWith("pubsub") ? "POST" : "GET" }), { ...PRODUCTION, ...overrides });
      expect(res.status).toBe(500);
      const body = (await res.json()) as ErrorBody;
      expect(body.error.code).toBe("bad_environment");
      expect(body.error.message).not.toMatch(/PUBSUB|127\.0\.0\.1|segops-local/);
    }
  });

  it("runs in production with Google's keys and a public audience, and with Pub/Sub off", async () => {
    expect((await fetchWithEnv(new Request("https://segops.test/healthz"), PRODUCTION)).status).toBe(200);
    expect((await fetchWithEnv(new Request("https://segops.test/healthz"), { ...UNSET, ENVIRONMENT: "production" })).status).toBe(200);
    const off = await fetchWithEnv(new Request("https://segops.test/webhooks/pubsub", { method: "POST", body: "{}" }), { ...UNSET, ENVIRONMENT: "production" });
    expect(off.status).toBe(404);
  });

  it("treats a deployment that does not name its environment as production", async () => {
    const res = await fetchWithEnv(new Request("https://segops.test/healthz"), { ...PRODUCTION, ENVIRONMENT: undefined, PUBSUB_SERVICE_ACCOUNT: LOCAL_PUBSUB_SERVICE_ACCOUNT });
    expect(res.status).toBe(500);
  });
});
