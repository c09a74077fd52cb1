import { describe, expect, it } from "vitest";
import checkoutText from "../fixtures/ingest/checkout.json?raw";
import customerText from "../fixtures/ingest/customer.json?raw";
import orderText from "../fixtures/ingest/order-big-ids.json?raw";
import { consumeIngestBatch, pixelMessage, webhookMessage } from "../helpers/ingest-queue.ts";
import { ownPixelEvents } from "../helpers/pixel-collector.ts";
import { profileByCustomer, storedEvents, storedRows } from "../helpers/read-ingested.ts";
import { seedTenant } from "../helpers/seed-tenant.ts";
import { parseShopifyJson } from "../../worker/shopify/payload/parse-shopify-json.ts";
import { tenantDb } from "../helpers/tenant-db.ts";

const ORDER_ID = "9007199254740993";
const CUSTOMER_ID = "9007199254740995";
const TOKEN = "c0ffee00c0ffee00c0ffee00c0ffee00";

// parseShopifyJson keeps the fixture's ids above 2^53 exact (as strings) through the edit.
const withChanges = (text: string, changes: Record<string, unknown>) => {
  const parsed = parseShopifyJson(text);
  if (!parsed.ok) throw new Error(parsed.error.reason);
  return JSON.stringify({ ...(parsed.value as object), ...changes });
};
const names = async (tenantId: string) => (await storedEvents(tenantId)).map((event) => event.dedup_key).sort();

describe("exactly-once ingestion", () => {
  it("stores a redelivered webhook once, whether it comes back over HTTPS or Pub/Sub", async () => {
    const tenant = await seedTenant();
    const first = webhookMessage(tenant.shop, "orders/create", orderText);
    await consumeIngestBatch([first, { ...first }]);
    await consumeIngestBatch([{ ...first, via: "pubsub" }]);
    expect(await names(tenant.tenantId)).toEqual([`order_created:${ORDER_ID}`]);
    const deliveries = await (await tenantDb(tenant.tenantId)).prepare("select count(*) as n from deliveries where key = ?").bind(first.deliveryKey).first<{ n: number }>();
    expect(deliveries?.n).toBe(1);
  });

  it.each([
    ["create, paid, updated", ["orders/create", "orders/paid", "orders/updated"]],
    ["updated, paid, create", ["orders/updated", "orders/paid", "orders/create"]],
    ["paid, paid (new webhook id), create", ["orders/paid", "orders/paid", "orders/create"]],
  ])("counts one purchase and one order_created for %s, in one batch or several", async (_label, topics) => {
    for (const together of [true, false]) {
      const tenant = await seedTenant();
      const messages = topics.map((topic) => webhookMessage(tenant.shop, topic, orderText));
      if (together) await consumeIngestBatch(messages);
      else for (const message of messages) await consumeIngestBatch([message]);
      const keys = await names(tenant.tenantId);
      expect(keys.filter((key) => key.startsWith("purchase:"))).toEqual([`purchase:${ORDER_ID}`]);
      expect(keys.filter((key) => key.startsWith("order_created:"))).toEqual([`order_created:${ORDER_ID}`]);
      const profile = await profileByCustomer(tenant.tenantId, CUSTOMER_ID);
      expect(profile).toMatchObject({ orders_count: 1, total_spent: 120.5, email: "ada@example.com", country: "GB" });
    }
  });

  it("never lets an older update overwrite a newer one, whatever the arrival order", async () => {
    const tenant = await seedTenant();
    const newer = withChanges(orderText, { updated_at: "2026-10-02T10:00:00Z", total_price: "99.00", financial_status: "partially_refunded" });
    const older = withChanges(orderText, { updated_at: "2026-10-01T15:00:00Z", total_price: "120.50" });
    await consumeIngestBatch([webhookMessage(tenant.shop, "orders/updated", newer)]);
    await consumeIngestBatch([webhookMessage(tenant.shop, "orders/updated", older)]);
    const [order] = await storedRows<{ total_price: number; financial_status: string }>("orders", tenant.tenantId);
    expect(order).toMatchObject({ total_price: 99, financial_status: "partially_refunded" });
    expect((await profileByCustomer(tenant.tenantId, CUSTOMER_ID))?.total_spent).toBe(99);

    const renamed = withChanges(customerText, { first_name: "Augusta", updated_at: "2026-10-05T00:00:00Z" });
    await consumeIngestBatch([webhookMessage(tenant.shop, "customers/update", renamed)]);
    await consumeIngestBatch([webhookMessage(tenant.shop, "customers/update", customerText)]);
    expect(await profileByCustomer(tenant.tenantId, CUSTOMER_ID)).toMatchObject({ first_name: "Augusta", phone: "+441234567890", tags: '["vip"]' });
  });

  it("keeps one checkout_start per checkout token across the pixel and the webhook, webhook data winning", async () => {
    for (const pixelFirst of [true, false]) {
      const tenant = await seedTenant();
      const clientId = crypto.randomUUID();
      const started = ownPixelEvents(clientId).filter((event) => event.name === "checkout_started");
      const pixel = pixelMessage(tenant, clientId, started);
      const webhook = webhookMessage(tenant.shop, "checkouts/create", checkoutText);
      for (const message of pixelFirst ? [pixel, webhook] : [webhook, pixel]) await consumeIngestBatch([message]);
      const starts = await storedEvents(tenant.tenantId, "checkout_start");
      expect(starts).toHaveLength(1);
      expect(starts[0]).toMatchObject({ source: "webhook", anonymous_id: clientId, dedup_key: `checkout_start:${TOKEN}` });
      expect(starts[0]!.properties).toMatchObject({ checkoutId: "9007199254740997", cartToken: "Z2NwLXRlc3Q6Y2FydC0x" });
    }
  });

  it("lets a pixel checkout_completed enrich the webhook's purchase instead of counting twice, in either order", async () => {
    for (const pixelFirst of [true, false]) {
      const tenant = await seedTenant();
      const clientId = crypto.randomUUID();
      const completed = pixelMessage(tenant, clientId, ownPixelEvents(clientId).filter((event) => event.name === "checkout_completed"));
      const paid = webhookMessage(tenant.shop, "orders/paid", orderText);
      for (const message of pixelFirst ? [completed, paid] : [paid, completed]) await consumeIngestBatch([message]);
      const purchases = await storedEvents(tenant.tenantId, "purchase");
      expect(purchases).toHaveLength(1);
      expect(purchases[0]).toMatchObject({ source: "webhook", anonymous_id: clientId });
      expect(purchases[0]!.properties.pixel).toMatchObject({ clientId, eventId: "sh-test-0006", page: { path: "/checkouts/thank-you" } });
      expect(purchases[0]!.properties.totalPrice).toBe(120.5);
      expect(JSON.stringify(purchases[0]!.properties)).not.toContain("someone-else@example.com");
    }
  });

  it("links a visitor to the customer only through the order's checkout token, then resolves its earlier events", async () => {
    const tenant = await seedTenant();
    const clientId = crypto.randomUUID();
    const browsing = ownPixelEvents(clientId).filter((event) => ["page_viewed", "product_viewed", "checkout_started"].includes(event.name as string));
    await consumeIngestBatch([pixelMessage(tenant, clientId, browsing)]);
    expect((await storedEvents(tenant.tenantId)).every((event) => event.profile_id === null)).toBe(true);

    await consumeIngestBatch([webhookMessage(tenant.shop, "orders/paid", orderText)]);
    const profile = await profileByCustomer(tenant.tenantId, CUSTOMER_ID);
    const events = await storedEvents(tenant.tenantId);
    expect(events.map((event) => [event.name, event.profile_id])).toEqual(
      expect.arrayContaining([
        ["page_view", profile!.id],
        ["product_view", profile!.id],
        ["checkout_start", profile!.id],
        ["purchase", profile!.id],
      ]),
    );
    const later = ownPixelEvents(clientId).filter((event) => event.name === "search_submitted");
    await consumeIngestBatch([pixelMessage(tenant, clientId, later)]);
    expect((await storedEvents(tenant.tenantId, "search"))[0]!.profile_id).toBe(profile!.id);
    expect((await profileByCustomer(tenant.tenantId, CUSTOMER_ID))?.last_seen_at).toBe(Date.parse("2026-10-01T13:50:00.000Z"));
    const identities = await storedRows<{ kind: string; value: string }>("identities", tenant.tenantId);
    expect(identities.map((row) => row.kind).sort()).toEqual(["cart_token", "checkout_token", "client_id", "email"]);
  });

  it("links the visitor when its pixel checkout events arrive after the order", async () => {
    const tenant = await seedTenant();
    const clientId = crypto.randomUUID();
    await consumeIngestBatch([webhookMessage(tenant.shop, "orders/paid", orderText)]);
    const events = ownPixelEvents(clientId).filter((event) => ["page_viewed", "checkout_started"].includes(event.name as string));
    await consumeIngestBatch([pixelMessage(tenant, clientId, events)]);
    const profile = await profileByCustomer(tenant.tenantId, CUSTOMER_ID);
    expect((await storedEvents(tenant.tenantId, "page_view"))[0]!.profile_id).toBe(profile!.id);
  });

  it("does not link a visitor whose checkout belongs to a guest order", async () => {
    const tenant = await seedTenant();
    const clientId = crypto.randomUUID();
    await consumeIngestBatch([pixelMessage(tenant, clientId, ownPixelEvents(clientId).filter((event) => event.name === "checkout_started"))]);
    await consumeIngestBatch([webhookMessage(tenant.shop, "orders/paid", withChanges(orderText, { customer: null }))]);
    expect((await storedEvents(tenant.tenantId)).every((event) => event.profile_id === null)).toBe(true);
    expect(await storedRows("profiles", tenant.tenantId)).toEqual([]);
  });

  it("recomputes profile aggregates from orders, so replays and cancellations never inflate them", async () => {
    const tenant = await seedTenant();
    const second = withChanges(orderText, { id: "9007199254741111", checkout_token: null, cart_token: null, total_price: "10.00", processed_at: "2026-10-03T10:00:00Z" });
    await consumeIngestBatch([webhookMessage(tenant.shop, "orders/paid", orderText), webhookMessage(tenant.shop, "orders/paid", second)]);
    await consumeIngestBatch([webhookMessage(tenant.shop, "orders/paid", orderText)]);
    expect(await profileByCustomer(tenant.tenantId, CUSTOMER_ID)).toMatchObject({ orders_count: 2, total_spent: 130.5, last_order_at: Date.parse("2026-10-03T10:00:00Z") });
    const cancelled = withChanges(second, { cancelled_at: "2026-10-04T00:00:00Z", updated_at: "2026-10-04T00:00:00Z" });
    await consumeIngestBatch([webhookMessage(tenant.shop, "orders/cancelled", cancelled)]);
    expect(await profileByCustomer(tenant.tenantId, CUSTOMER_ID)).toMatchObject({ orders_count: 1, total_spent: 120.5 });
  });
});
