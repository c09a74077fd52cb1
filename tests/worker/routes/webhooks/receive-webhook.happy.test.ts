import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import orderText from "../../../fixtures/ingest/order-big-ids.json?raw";
import { subscribedTopics, WEBHOOK_TOPICS } from "../../../../worker/shopify/webhook-topics.ts";
import { installShop, sim as simulator } from "../../../helpers/harness.ts";
import { storedEvents } from "../../../helpers/read-ingested.ts";
import { waitFor } from "../../../helpers/wait-for.ts";
import { seedTenant } from "../../../helpers/seed-tenant.ts";
import { deliver, fetchWithEnv, sendDelivery, simulatedShop } from "../../../helpers/webhook-requests.ts";
import { deliveryRequest } from "../../../helpers/simulator-client.ts";
import { tenantDb, firstInAnyDb } from "../../../helpers/tenant-db.ts";

/** A privacy queue that keeps what is sent, so a test reads the request as recorded, before any work runs. */
function heldQueue() {
  const sent: unknown[] = [];
  return { sent, queue: { send: async (body: unknown) => void sent.push(body) } };
}

describe("POST /webhooks and /webhooks/pubsub (happy)", () => {
  it.each(["https", "pubsub"] as const)("acknowledges a signed orders/paid sent via %s and stores one purchase with exact ids", async (via) => {
    const { sim, shop } = await simulatedShop();
    const tenant = await seedTenant({ shop });
    const { response } = await deliver(sim, shop, { topic: "orders/paid", payloadText: orderText, via });
    expect(response.status).toBe(via === "https" ? 200 : 204);

    const [purchase] = await waitFor(async () => (await storedEvents(tenant.tenantId, "purchase")).length > 0 && storedEvents(tenant.tenantId, "purchase"), { what: "a purchase event" });
    expect(purchase).toMatchObject({ source: "webhook", dedup_key: "purchase:9007199254740993" });
    expect(purchase!.properties).toMatchObject({ orderId: "9007199254740993", customerId: "9007199254740995", totalPrice: 120.5, currency: "USD" });
    expect((purchase!.properties.lineItems as { productId: string }[])[0]!.productId).toBe("9007199254741003");
  });

  it("receives what install subscribed: partial fulfilments and deletes reach the app and are ingested", async () => {
    // Only the app-wide topics of shopify.app.toml come without a subscription, as on Shopify.
    const appWide = subscribedTopics("app").filter((topic) => WEBHOOK_TOPICS[topic].kind !== "compliance");
    const empty = { products: 1, customers: 0, orders: 0, abandonedCheckouts: 0 };
    const { shop, tenantId } = await installShop({ size: empty, settings: { appTopics: appWide } });
    const sim = simulator();
    const { customer, deliveries: created } = await sim.createCustomer(shop, {});
    const { order, deliveries: ordered } = await sim.createOrder(shop, { customerId: customer.id, lines: [{ quantity: 2 }] });
    const partial = await sim.fulfillOrder(shop, order.id, { lines: [{ lineItemId: order.lineItemIds[0]!, quantity: 1 }] });
    const deletedOrder = await sim.deleteOrder(shop, order.id);
    const deletedCustomer = await sim.deleteCustomer(shop, customer.id);
    const deliveries = [...created, ...ordered, ...partial.deliveries, ...deletedOrder.deliveries, ...deletedCustomer.deliveries];
    expect(deliveries.map((d) => d.topic)).toEqual([
      "customers/create",
      "orders/create",
      "orders/paid",
      "fulfillments/create",
      "orders/partially_fulfilled",
      "orders/updated",
      "orders/delete",
      "customers/delete",
    ]);
    for (const delivery of deliveries) expect((await sendDelivery(delivery)).status).toBe(200);
    // Deliveries are queued in order, so the last one stored means every one before it was consumed.
    await waitFor(async () => (await storedEvents(tenantId, "customer_deleted")).length === 1, { what: "the last delivery's customer_deleted event" });
    expect((await storedEvents(tenantId, "order_deleted")).map((event) => event.dedup_key)).toEqual([`order_deleted:${order.id}`]);
    expect(await (await tenantDb(tenantId)).prepare("select count(*) n from quarantine where tenant_id = ?").bind(tenantId).first()).toEqual({ n: 0 });
  });

  it("accepts a delivery signed with the previous secret while the secret rotates", async () => {
    const { sim, shop } = await simulatedShop();
    await seedTenant({ shop });
    const delivery = await sim.webhook(shop, { topic: "orders/create", payloadText: orderText, via: "https" });
    const rotated = { SHOPIFY_API_SECRET: "a-brand-new-secret", SHOPIFY_API_SECRET_PREVIOUS: env.SHOPIFY_API_SECRET };
    expect((await fetchWithEnv(deliveryRequest(delivery), rotated)).status).toBe(200);
    expect((await fetchWithEnv(deliveryRequest(delivery), { SHOPIFY_API_SECRET: "a-brand-new-secret" })).status).toBe(401);
  });

  it("spills a body too large for a queue message to ingest_payloads and still ingests it", async () => {
    const { sim, shop } = await simulatedShop();
    const tenant = await seedTenant({ shop });
    const order = JSON.parse(orderText) as { line_items: Record<string, unknown>[]; note?: string };
    order.note = "é".repeat(80_000);
    const { response } = await deliver(sim, shop, { topic: "orders/create", payloadText: JSON.stringify(order), via: "https" });
    expect(response.status).toBe(200);
    await waitFor(async () => (await storedEvents(tenant.tenantId, "order_created")).length === 1, { what: "one order_created event" });
    // Dropped from every database, whichever the spilled body went to.
    await waitFor(async () => (await firstInAnyDb("select 1 from ingest_payloads where body like ?", "%9007199254740995%")) === null, { what: "the delivery's stored payload dropped" });
  });

  it.each([
    ["ASCII with one character outside Latin-1", () => `${"a".repeat(95_000)}€`],
    ["text outside Latin-1", () => "€".repeat(32_000)],
  ])("stores a body under the UTF-8 budget whose queue message would not fit: %s", async (_label, note) => {
    const { sim, shop } = await simulatedShop();
    const tenant = await seedTenant({ shop });
    const order = JSON.parse(orderText) as { note?: string };
    order.note = note();
    const { response } = await deliver(sim, shop, { topic: "orders/create", payloadText: JSON.stringify(order), via: "https" });
    expect(response.status).toBe(200);
    await waitFor(async () => (await storedEvents(tenant.tenantId, "order_created")).length === 1, { what: "one order_created event" });
  });

  it.each(["customers/data_request", "customers/redact", "shop/redact"] as const)("records %s with a 30-day due date, once per webhook id, and queues its work", async (topic) => {
    const { sim, shop } = await simulatedShop();
    const tenant = await seedTenant({ shop });
    const { customer } = await sim.createCustomer(shop, { emit: false });
    const { deliveries } = await sim.compliance(shop, { topic, customerId: customer.id });
    const [delivery] = deliveries;
    const queued = heldQueue();
    for (let i = 0; i < 2; i++) expect((await fetchWithEnv(deliveryRequest(delivery!), { PRIVACY_QUEUE: queued.queue })).status).toBe(200);
    expect(queued.sent).toEqual([
      { type: "privacy_request", requestId: `prv_webhook_${delivery!.id}` },
      { type: "privacy_request", requestId: `prv_webhook_${delivery!.id}` },
    ]);
    const { results } = await env.DB.prepare("select * from privacy_requests where shop_domain = ?").bind(shop).all<{ tenant_id: string; shopify_customer_id: string | null; received_at: number; due_at: number; status: string }>();
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ tenant_id: tenant.tenantId, status: "received" });
    if (topic !== "shop/redact") expect(results[0]).toMatchObject({ shopify_customer_id: customer.id });
    expect(results[0]!.due_at - results[0]!.received_at).toBe(30 * 24 * 60 * 60 * 1000);
  });

  it("records a compliance request for a shop with no live install (shop/redact after uninstall)", async () => {
    const { sim, shop } = await simulatedShop();
    const { deliveries } = await sim.compliance(shop, { topic: "shop/redact" });
    expect((await fetchWithEnv(deliveryRequest(deliveries[0]!), { PRIVACY_QUEUE: heldQueue().queue })).status).toBe(200);
    const row = await firstInAnyDb("select tenant_id, kind from privacy_requests where shop_domain = ?", shop);
    expect(row).toEqual({ tenant_id: null, kind: "shop_redact" });
  });
});
