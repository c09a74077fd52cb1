import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createRemoteJWKSet, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliveryRequest, type SimDelivery } from "../helpers/simulator-client.ts";
import { APP, PUBSUB, shopWithToken, startTestSimulator, type TestSimulator } from "./harness.ts";

let sim: TestSimulator;
beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(() => sim.close());

const tiny = { size: { products: 5, customers: 10, orders: 20, abandonedCheckouts: 2 } };

function hmacMatches(delivery: SimDelivery): boolean {
  const expected = createHmac("sha256", APP.apiSecret).update(Buffer.from(delivery.body, "utf8")).digest();
  const given = Buffer.from(delivery.headers["X-Shopify-Hmac-Sha256"]!, "base64");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

describe("HTTPS delivery", () => {
  it("signs the raw body with the app secret and sends Shopify's headers", async () => {
    const { shop } = await sim.client.createShop(tiny);
    const delivery = await sim.client.webhook(shop, { topic: "orders/create", payload: { id: 1 }, webhookId: "wh-1" });
    expect(hmacMatches(delivery)).toBe(true);
    expect(delivery.url).toBe(`${APP.appUrl}/webhooks`);
    expect(delivery.headers).toMatchObject({ "X-Shopify-Topic": "orders/create", "X-Shopify-Shop-Domain": shop, "X-Shopify-API-Version": "2026-07", "X-Shopify-Webhook-Id": "wh-1" });
    expect(delivery.headers["X-Shopify-Event-Id"]).toBeTruthy();
    expect(Date.parse(delivery.headers["X-Shopify-Triggered-At"]!)).not.toBeNaN();
  });

  it("redelivers the same request with the same webhook id", async () => {
    const { shop } = await sim.client.createShop(tiny);
    const first = await sim.client.webhook(shop, { topic: "orders/paid", payload: { id: 9 } });
    const retry = await sim.client.redeliver(shop, first.id);
    expect(retry.headers["X-Shopify-Webhook-Id"]).toBe(first.headers["X-Shopify-Webhook-Id"]);
    expect(retry.body).toBe(first.body);
    expect(await sim.client.outbox(shop)).toHaveLength(2);
  });

  it("sends compliance topics to /webhooks/compliance over HTTPS", async () => {
    const { shop } = await sim.client.createShop(tiny);
    const state = await sim.client.shop(shop);
    expect(state.counts.customers).toBe(10);
    const customer = (await sim.client.createCustomer(shop, { email: "privacy@example.com", emit: false })).customer;
    const { deliveries } = await sim.client.compliance(shop, { topic: "customers/redact", customerId: customer.id });
    expect(deliveries[0]!.url).toBe(`${APP.appUrl}/webhooks/compliance`);
    expect(deliveries[0]!.body).toContain(`"customer":{"id":${customer.id},"email":"privacy@example.com"`);
  });

  it("keeps ids above 2^53 intact when given raw payload text", async () => {
    const { shop } = await sim.client.createShop(tiny);
    const payloadText = '{"id":820982911946154508,"customer":{"id":115310627314723954}}';
    const delivery = await sim.client.webhook(shop, { topic: "orders/create", payloadText });
    expect(delivery.body).toBe(payloadText);
    expect(hmacMatches(delivery)).toBe(true);
  });

  it("writes store ids as raw JSON numbers", async () => {
    const { shop } = await sim.client.createShop(tiny);
    const { order, deliveries } = await sim.client.createOrder(shop, {});
    expect(deliveries[0]!.body).toMatch(new RegExp(`^\\{"id":${order.id},`));
  });
});

describe("Pub/Sub delivery", () => {
  it("wraps the body in a push envelope with an OIDC token that verifies against the served JWKS", async () => {
    const { shop } = await sim.client.createShop(tiny);
    const delivery = await sim.client.webhook(shop, { topic: "customers/update", payload: { id: 5 }, via: "pubsub", webhookId: "wh-ps" });
    expect(delivery.url).toBe(`${APP.appUrl}/webhooks/pubsub`);
    const token = delivery.headers.Authorization!.replace(/^Bearer /, "");
    const jwks = createRemoteJWKSet(new URL(`${sim.url}/_sim/oauth2/v3/certs`));
    const { payload, protectedHeader } = await jwtVerify(token, jwks, { issuer: "https://accounts.google.com", audience: PUBSUB.audience });
    expect(protectedHeader.alg).toBe("RS256");
    expect(payload).toMatchObject({ email: PUBSUB.serviceAccount, email_verified: true });
    expect(payload.exp! - payload.iat!).toBe(3600);
    const envelope = JSON.parse(delivery.body);
    expect(Buffer.from(envelope.message.data, "base64").toString("utf8")).toBe('{"id":5}');
    expect(envelope.message.messageId).toBe(envelope.message.message_id);
    expect(envelope.message.publishTime).toBe(envelope.message.publish_time);
    expect(envelope.message.attributes).toMatchObject({ "X-Shopify-Topic": "customers/update", "X-Shopify-Shop-Domain": shop, "X-Shopify-Webhook-Id": "wh-ps" });
    expect(envelope.subscription).toMatch(/^projects\/.+\/subscriptions\/.+/);
  });

  it("serves the JWKS with a Cache-Control header", async () => {
    const response = await fetch(`${sim.url}/_sim/oauth2/v3/certs`);
    expect(response.headers.get("cache-control")).toContain("max-age");
    expect((await response.json()).keys[0]).toMatchObject({ kty: "RSA", alg: "RS256", use: "sig" });
  });

  it("routes a topic to Pub/Sub when the app subscribed it with a pubsub:// address", async () => {
    const { shop, graphql } = await shopWithToken(sim, tiny);
    await graphql(`mutation { webhookSubscriptionCreate(topic: CUSTOMERS_CREATE, webhookSubscription: { uri: "pubsub://segops-test:shopify", format: JSON }) { userErrors { message } } }`);
    const { deliveries } = await sim.client.createCustomer(shop, {});
    expect(deliveries.map((d) => d.via)).toEqual(["pubsub"]);
  });
});

describe("record verbs", () => {
  it("creates a paid order and delivers orders/create and orders/paid with one event id", async () => {
    const { shop } = await sim.client.createShop(tiny);
    const customer = (await sim.client.createCustomer(shop, { emit: false })).customer;
    const { order, deliveries } = await sim.client.createOrder(shop, { customerId: customer.id, lines: [{ quantity: 2 }] });
    expect(deliveries.map((d) => d.topic)).toEqual(["orders/create", "orders/paid"]);
    expect(deliveries[0]!.headers["X-Shopify-Event-Id"]).toBe(deliveries[1]!.headers["X-Shopify-Event-Id"]);
    const body = JSON.parse(deliveries[0]!.body);
    expect(body).toMatchObject({ name: order.name, checkout_token: order.checkoutToken, cart_token: order.cartToken, financial_status: "paid", customer: { id: Number(customer.id) } });
    expect(body.line_items[0]).toMatchObject({ quantity: 2 });
    expect(typeof body.total_price).toBe("string");
  });

  it("completes an abandoned checkout when an order uses its token", async () => {
    const { shop } = await sim.client.createShop(tiny);
    const { checkout, deliveries } = await sim.client.createCheckout(shop, { email: "cart@example.com" });
    expect(deliveries[0]!.topic).toBe("checkouts/create");
    const before = (await sim.client.stats(shop, "2000-01-01T00:00:00Z")).abandonedCheckouts;
    const { order } = await sim.client.createOrder(shop, { checkoutToken: checkout.token });
    expect(order.cartToken).toBe(checkout.cartToken);
    expect((await sim.client.stats(shop, "2000-01-01T00:00:00Z")).abandonedCheckouts).toBe(before - 1);
  });

  it("refunds and cancels orders with the webhooks Shopify sends", async () => {
    const { shop } = await sim.client.createShop(tiny);
    const { order } = await sim.client.createOrder(shop, { lines: [{ quantity: 1 }, { quantity: 1 }], emit: false });
    const refund = await sim.client.refundOrder(shop, order.id, { lines: [{ lineItemId: order.lineItemIds[0]! }] });
    expect(refund.deliveries.map((d) => d.topic)).toEqual(["refunds/create", "orders/updated"]);
    expect(JSON.parse(refund.deliveries[0]!.body)).toMatchObject({ order_id: Number(order.id), refund_line_items: [{ line_item_id: Number(order.lineItemIds[0]) }] });
    expect(refund.order.financialStatus).toBe("PARTIALLY_REFUNDED");
    const cancelled = await sim.client.cancelOrder(shop, order.id, { reason: "customer" });
    expect(cancelled.deliveries.map((d) => d.topic)).toEqual(["refunds/create", "orders/cancelled", "orders/updated"]);
    expect(JSON.parse(cancelled.deliveries[1]!.body)).toMatchObject({ cancel_reason: "customer", financial_status: "refunded" });
  });

  it("fulfils an order with fulfillments/create, orders/fulfilled and orders/updated", async () => {
    const { shop } = await sim.client.createShop(tiny);
    const { order } = await sim.client.createOrder(shop, { emit: false });
    const { deliveries, fulfillment } = await sim.client.fulfillOrder(shop, order.id);
    expect(deliveries.map((d) => d.topic)).toEqual(["fulfillments/create", "orders/fulfilled", "orders/updated"]);
    expect(JSON.parse(deliveries[0]!.body)).toMatchObject({ id: Number(fulfillment.id), order_id: Number(order.id), status: "success" });
    expect(JSON.parse(deliveries[1]!.body).fulfillment_status).toBe("fulfilled");
    await expect(sim.client.fulfillOrder(shop, order.id)).rejects.toMatchObject({ status: 409 });
  });

  it("fulfils part of an order with orders/partially_fulfilled, and the rest with orders/fulfilled", async () => {
    const { shop } = await sim.client.createShop(tiny);
    const { order } = await sim.client.createOrder(shop, { lines: [{ quantity: 2 }, { quantity: 1 }], emit: false });
    const [first, second] = order.lineItemIds;
    const partial = await sim.client.fulfillOrder(shop, order.id, { lines: [{ lineItemId: first!, quantity: 1 }] });
    expect(partial.deliveries.map((d) => d.topic)).toEqual(["fulfillments/create", "orders/partially_fulfilled", "orders/updated"]);
    expect(JSON.parse(partial.deliveries[0]!.body).line_items).toEqual([expect.objectContaining({ id: Number(first), quantity: 1 })]);
    const partialOrder = JSON.parse(partial.deliveries[1]!.body);
    expect(partialOrder).toMatchObject({ fulfillment_status: "partial", closed_at: null });
    expect(partialOrder.line_items.map((line: { fulfillable_quantity: number; fulfillment_status: string | null }) => [line.fulfillable_quantity, line.fulfillment_status])).toEqual([
      [1, "partial"],
      [1, null],
    ]);
    await expect(sim.client.fulfillOrder(shop, order.id, { lines: [{ lineItemId: first!, quantity: 2 }] })).rejects.toMatchObject({ status: 400, code: "invalid_quantity" });

    const rest = await sim.client.fulfillOrder(shop, order.id);
    expect(rest.deliveries.map((d) => d.topic)).toEqual(["fulfillments/create", "orders/fulfilled", "orders/updated"]);
    expect(JSON.parse(rest.deliveries[0]!.body).line_items.map((line: { id: number; quantity: number }) => [line.id, line.quantity])).toEqual([
      [Number(first), 1],
      [Number(second), 1],
    ]);
    expect(JSON.parse(rest.deliveries[1]!.body).fulfillment_status).toBe("fulfilled");
  });

  it("deletes an order and then its customer with orders/delete and customers/delete; a customer with orders stays", async () => {
    const { shop } = await sim.client.createShop(tiny);
    const { customer } = await sim.client.createCustomer(shop, { emit: false });
    const { order } = await sim.client.createOrder(shop, { customerId: customer.id, emit: false });
    await expect(sim.client.deleteCustomer(shop, customer.id)).rejects.toMatchObject({ status: 409, code: "customer_has_orders" });
    const before = (await sim.client.stats(shop, "2000-01-01T00:00:00Z")).orders;

    const deletedOrder = await sim.client.deleteOrder(shop, order.id);
    expect(deletedOrder.deliveries.map((d) => [d.topic, d.body])).toEqual([["orders/delete", `{"id":${order.id}}`]]);
    expect((await sim.client.stats(shop, "2000-01-01T00:00:00Z")).orders).toBe(before - 1);
    await expect(sim.client.deleteOrder(shop, order.id)).rejects.toMatchObject({ status: 404, code: "order_not_found" });

    const deletedCustomer = await sim.client.deleteCustomer(shop, customer.id);
    expect(deletedCustomer.deliveries.map((d) => d.topic)).toEqual(["customers/delete"]);
    expect(JSON.parse(deletedCustomer.deliveries[0]!.body)).toEqual({ id: Number(customer.id), admin_graphql_api_id: customer.gid, phone: null, addresses: [], tax_exemptions: [] });
    await expect(sim.client.updateCustomer(shop, customer.id, { firstName: "Gone" })).rejects.toMatchObject({ status: 404 });
  });

  it("delivers a data topic to a shop without app-wide defaults only once the app subscribed it", async () => {
    const { shop, graphql } = await shopWithToken(sim, { ...tiny, settings: { appTopics: ["app/uninstalled"] } });
    const { order } = await sim.client.createOrder(shop, { emit: false });
    const { order: other } = await sim.client.createOrder(shop, { emit: false });
    expect((await sim.client.deleteOrder(shop, order.id)).deliveries).toEqual([]);
    await graphql(`mutation { webhookSubscriptionCreate(topic: ORDERS_DELETE, webhookSubscription: { uri: "https://app.example/webhooks", format: JSON }) { userErrors { message } } }`);
    expect((await sim.client.deleteOrder(shop, other.id)).deliveries.map((d) => d.topic)).toEqual(["orders/delete"]);
  });

  it("announces a consent change on its own topic", async () => {
    const { shop } = await sim.client.createShop(tiny);
    const { customer } = await sim.client.createCustomer(shop, { marketingState: "NOT_SUBSCRIBED", emit: false });
    const { deliveries } = await sim.client.updateCustomer(shop, customer.id, { marketingState: "SUBSCRIBED" });
    expect(deliveries.map((d) => d.topic)).toEqual(["customers/update", "customers_email_marketing_consent/update"]);
    expect(JSON.parse(deliveries[1]!.body)).toMatchObject({ customer_id: Number(customer.id), email_marketing_consent: { state: "subscribed" } });
  });

  it("creates, updates and deletes products", async () => {
    const { shop } = await sim.client.createShop(tiny);
    const created = await sim.client.createProduct(shop, { title: "Trail Mug", variants: [{ price: "12.50", sku: "MUG-1" }], images: [{ src: "https://cdn.example/mug.jpg" }] });
    expect(JSON.parse(created.deliveries[0]!.body)).toMatchObject({ title: "Trail Mug", variants: [{ price: "12.50", sku: "MUG-1" }], images: [{ alt: null }] });
    const updated = await sim.client.updateProduct(shop, created.product.gid, { tags: ["eco"] });
    expect(JSON.parse(updated.deliveries[0]!.body).tags).toBe("eco");
    const deleted = await sim.client.deleteProduct(shop, created.product.id);
    expect(deleted.deliveries[0]!.body).toBe(`{"id":${created.product.id}}`);
  });

  it("changes the store silently with emit: false, and stats show the truth", async () => {
    const { shop } = await sim.client.createShop(tiny);
    const since = new Date().toISOString();
    await sim.client.outbox(shop);
    await sim.client.createOrder(shop, { emit: false });
    await sim.client.createCustomer(shop, { emit: false });
    expect(await sim.client.outbox(shop)).toEqual([]);
    expect(await sim.client.stats(shop, since)).toMatchObject({ orders: 1, customers: 1, products: 0, abandonedCheckouts: 0 });
  });

  it("answers 404 with an error code for an unknown record", async () => {
    const { shop } = await sim.client.createShop(tiny);
    await expect(sim.client.refundOrder(shop, "123")).rejects.toMatchObject({ status: 404, code: "order_not_found" });
  });
});

describe("lifecycle", () => {
  it("revokes tokens and delivers the shop object on uninstall", async () => {
    const { shop } = await shopWithToken(sim, tiny);
    const { deliveries } = await sim.client.uninstall(shop);
    expect(deliveries[0]!.topic).toBe("app/uninstalled");
    expect(JSON.parse(deliveries[0]!.body)).toMatchObject({ myshopify_domain: shop, domain: shop });
    expect((await sim.client.state(shop)).tokens.activeAccessTokens).toBe(0);
  });

  it("delivers app/scopes_update with previous and current scopes", async () => {
    const { shop } = await sim.client.createShop(tiny);
    const { deliveries } = await sim.client.setScopes(shop, ["read_products"]);
    expect(JSON.parse(deliveries[0]!.body)).toMatchObject({ previous: APP.scopes, current: ["read_products"] });
  });
});

describe("push mode", () => {
  let server: Server;
  let received: { path: string; headers: Record<string, unknown>; body: string }[];
  let pushSim: TestSimulator;
  beforeAll(async () => {
    received = [];
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", () => {
        received.push({ path: req.url ?? "", headers: req.headers, body });
        res.statusCode = req.url === "/webhooks/compliance" ? 401 : 200;
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    pushSim = await startTestSimulator("push", `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  });
  afterAll(async () => {
    await pushSim.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it("POSTs to the app and records its status", async () => {
    const { shop } = await pushSim.client.createShop(tiny);
    const { deliveries } = await pushSim.client.createCustomer(shop, {});
    expect(deliveries[0]).toMatchObject({ topic: "customers/create", status: 200 });
    expect(received.at(-1)).toMatchObject({ path: "/webhooks", headers: { "x-shopify-topic": "customers/create" } });
    const rejected = await pushSim.client.webhook(shop, { topic: "shop/redact", payload: { shop_domain: shop } });
    expect(rejected.status).toBe(401);
    expect(received.at(-1)!.body).toBe(JSON.stringify({ shop_domain: shop }));
  });

  it("builds outbox requests a fetch handler can take as they are", () => {
    const request = deliveryRequest({ id: "1", topic: "t", via: "https", url: "https://segops.test/webhooks", method: "POST", headers: { "X-Shopify-Topic": "t" }, body: "{}" });
    expect(request.headers.get("x-shopify-topic")).toBe("t");
  });
});
