import { env, exports } from "cloudflare:workers";
import { generateKeyPair, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import orderText from "../../../fixtures/ingest/order-big-ids.json?raw";
import { deliveryRequest } from "../../../helpers/simulator-client.ts";
import { fetchWithEnv, sendDelivery, simulatedShop } from "../../../helpers/webhook-requests.ts";

const decodeJwtHeader = (token: string) => JSON.parse(atob(token.split(".")[0]!.replace(/-/g, "+").replace(/_/g, "/"))) as { kid: string };

describe("webhook routes (security)", () => {
  it.each(["https://segops.test/webhooks", "https://segops.test/webhooks/compliance"])("answers 401 at %s when the body was changed after signing", async (url) => {
    const { sim, shop } = await simulatedShop();
    const delivery = await sim.webhook(shop, { topic: "customers/redact", payloadText: '{"shop_domain":"x"}', via: "https" });
    const res = await exports.default.fetch(new Request(url, { method: "POST", headers: delivery.headers, body: '{"shop_domain":"y"}' }));
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("invalid_hmac");
  });

  it("answers 401 when the HMAC header is missing or not base64", async () => {
    const { sim, shop } = await simulatedShop();
    const delivery = await sim.webhook(shop, { topic: "orders/create", payloadText: orderText, via: "https" });
    expect((await sendDelivery(delivery, { headers: { "X-Shopify-Hmac-Sha256": "" } })).status).toBe(401);
    expect((await sendDelivery(delivery, { headers: { "X-Shopify-Hmac-Sha256": "%%%not-base64" } })).status).toBe(401);
  });

  it("answers 401 to a Pub/Sub push without a bearer token", async () => {
    const { sim, shop } = await simulatedShop();
    const delivery = await sim.webhook(shop, { topic: "orders/create", payloadText: orderText, via: "pubsub" });
    expect((await sendDelivery(delivery, { headers: { Authorization: "" } })).status).toBe(401);
  });

  it("answers 401 to a Pub/Sub token forged with another RSA key under the real key id", async () => {
    const { sim, shop } = await simulatedShop();
    const delivery = await sim.webhook(shop, { topic: "orders/create", payloadText: orderText, via: "pubsub" });
    const { kid } = decodeJwtHeader(delivery.headers.Authorization!.slice("Bearer ".length));
    const { privateKey } = await generateKeyPair("RS256");
    const forged = await new SignJWT({ email: env.PUBSUB_SERVICE_ACCOUNT, email_verified: true })
      .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
      .setIssuer("https://accounts.google.com")
      .setAudience(env.PUBSUB_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime("1h")
      .sign(privateKey);
    const res = await sendDelivery(delivery, { headers: { Authorization: `Bearer ${forged}` } });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("invalid_token");
  });

  it("answers 401 to a genuine token minted for another audience or another service account", async () => {
    const { sim, shop } = await simulatedShop();
    const delivery = await sim.webhook(shop, { topic: "orders/create", payloadText: orderText, via: "pubsub" });
    expect((await fetchWithEnv(deliveryRequest(delivery), { PUBSUB_AUDIENCE: "https://another.example/webhooks/pubsub" })).status).toBe(401);
    expect((await fetchWithEnv(deliveryRequest(delivery), { PUBSUB_SERVICE_ACCOUNT: "someone-else@evil.iam.gserviceaccount.com" })).status).toBe(401);
    expect((await fetchWithEnv(deliveryRequest(delivery), {})).status).toBe(204);
  });

  it("never answers 500 to garbage", async () => {
    for (const body of ["", "null", "[]", "\u0000\u0001", "{".repeat(10_000)]) {
      for (const path of ["/webhooks", "/webhooks/compliance", "/webhooks/pubsub"]) {
        const res = await exports.default.fetch(`https://segops.test${path}`, { method: "POST", headers: { Authorization: "Bearer x.y.z" }, body });
        expect(res.status, `${path} ${JSON.stringify(body.slice(0, 10))}`).toBeLessThan(500);
      }
    }
  });
});
