import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import orderText from "../../../fixtures/ingest/order-big-ids.json?raw";
import { waitFor } from "../../../helpers/wait-for.ts";
import { seedTenant } from "../../../helpers/seed-tenant.ts";
import { deliver, sendDelivery, simulatedShop } from "../../../helpers/webhook-requests.ts";
import { tenantDb, firstInAnyDb } from "../../../helpers/tenant-db.ts";

type Envelope = { message: { data: string; attributes: Record<string, string> } };

async function expectEnvelope(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  const body = (await res.json()) as { error: { code: string; message: string; requestId: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.requestId).toBe(res.headers.get("x-request-id"));
}

async function quarantined(tenantId: string | null, shop: string) {
  type Row = { reason: string; topic: string | null; source: string; payload: string };
  const sql = "select * from quarantine where shop_domain = ? and (tenant_id = ? or ? is null)";
  // A delivery of a shop with no tenant has no directory entry to follow.
  return waitFor(async () =>
    tenantId === null ? firstInAnyDb<Row>(sql, shop, tenantId, tenantId) : (await tenantDb(tenantId)).prepare(sql).bind(shop, tenantId, tenantId).first<Row>(),
    { what: `a quarantine row for ${shop}` },
  );
}

describe("webhook routes (errors)", () => {
  it.each(["/webhooks", "/webhooks/compliance", "/webhooks/pubsub"])("answers GET %s with 405 and Allow: POST", async (path) => {
    const res = await exports.default.fetch(`https://segops.test${path}`);
    await expectEnvelope(res, 405, "method_not_allowed");
    expect(res.headers.get("allow")).toBe("POST");
  });

  it("answers 413 to a body over the webhook limit without reading it", async () => {
    const res = await exports.default.fetch("https://segops.test/webhooks", {
      method: "POST",
      headers: { "Content-Length": String(2_000_000), "X-Shopify-Hmac-Sha256": "x" },
      body: "x".repeat(2_000_000),
    });
    await expectEnvelope(res, 413, "payload_too_large");
  });

  it("answers 400 to a correctly signed delivery without X-Shopify-Topic", async () => {
    const { sim, shop } = await simulatedShop();
    const delivery = await sim.webhook(shop, { topic: "orders/create", payloadText: orderText, via: "https" });
    const headers = Object.fromEntries(Object.entries(delivery.headers).filter(([name]) => name.toLowerCase() !== "x-shopify-topic"));
    await expectEnvelope(await exports.default.fetch(new Request(delivery.url, { method: "POST", headers, body: delivery.body })), 400, "bad_request");
  });

  it("acknowledges a signed body that is not JSON and quarantines it with the reason", async () => {
    const { sim, shop } = await simulatedShop();
    const tenant = await seedTenant({ shop });
    const { response } = await deliver(sim, shop, { topic: "orders/create", payloadText: "{not json", via: "https" });
    expect(response.status).toBe(200);
    const row = await quarantined(tenant.tenantId, shop);
    expect(row).toMatchObject({ topic: "orders/create", source: "webhook", payload: "{not json" });
    expect(row.reason).toMatch(/not JSON/);
  });

  it("acknowledges an app_subscriptions/update it cannot read, or for no SegOps plan, and quarantines it with the reason", async () => {
    const { sim, shop } = await simulatedShop();
    const tenant = await seedTenant({ shop });
    const subscription = { admin_graphql_api_id: "gid://shopify/AppSubscription/1", status: "ACTIVE", created_at: "2026-11-01T10:00:00-05:00", updated_at: "2026-11-01T10:00:00-05:00" };
    const unnamed = await deliver(sim, shop, { topic: "app_subscriptions/update", payloadText: JSON.stringify({ app_subscription: subscription }), via: "https" });
    expect(unnamed.response.status).toBe(200);
    expect((await quarantined(tenant.tenantId, shop)).reason).toBe("app_subscriptions/update: app_subscription.name Invalid input: expected string, received undefined");

    const other = await seedTenant({ shop: (await simulatedShop()).shop });
    const foreign = JSON.stringify({ app_subscription: { ...subscription, name: "Another app's plan" } });
    expect((await deliver(sim, other.shop, { topic: "app_subscriptions/update", payloadText: foreign, via: "https" })).response.status).toBe(200);
    expect((await quarantined(other.tenantId, other.shop)).reason).toBe('app_subscriptions/update: "Another app\'s plan" is not a SegOps plan');
  });

  it("acknowledges a delivery for a shop SegOps does not know and quarantines it for replay after install", async () => {
    const { sim, shop } = await simulatedShop();
    const { response } = await deliver(sim, shop, { topic: "orders/create", payloadText: orderText, via: "pubsub" });
    expect(response.status).toBe(204);
    expect((await quarantined(null, shop)).reason).toMatch(/no SegOps tenant/);
  });

  it("answers 400 to a Pub/Sub push whose envelope is not JSON or has no base64 data", async () => {
    const { sim, shop } = await simulatedShop();
    const delivery = await sim.webhook(shop, { topic: "orders/create", payloadText: orderText, via: "pubsub" });
    await expectEnvelope(await sendDelivery(delivery, { body: "not an envelope" }), 400, "bad_request");
    await expectEnvelope(await sendDelivery(delivery, { body: JSON.stringify({ message: { messageId: "1", data: "%%%" } }) }), 400, "bad_request");
    await expectEnvelope(await sendDelivery(delivery, { body: JSON.stringify({ subscription: "x" }) }), 400, "bad_request");
  });

  it("acknowledges a Pub/Sub message without Shopify's topic attribute and quarantines it", async () => {
    const { sim, shop } = await simulatedShop();
    const delivery = await sim.webhook(shop, { topic: "orders/create", payloadText: orderText, via: "pubsub" });
    const envelope = JSON.parse(delivery.body) as Envelope;
    delete envelope.message.attributes["X-Shopify-Topic"];
    const res = await sendDelivery(delivery, { body: JSON.stringify(envelope) });
    expect(res.status).toBe(204);
    const row = await quarantined(null, shop);
    expect(row).toMatchObject({ source: "pubsub", topic: null });
    expect(row.payload).toBe(orderText);
  });
});
