import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from "vitest";
import { apiGet } from "../../helpers/api-fetch.ts";
import { adminFetch, sim as simulator } from "../../helpers/harness.ts";
import { waitFor } from "../../helpers/wait-for.ts";
import { consumeQueueBatch } from "../../helpers/queue-batch.ts";
import { pixelToken, postPixel } from "../../helpers/pixel-collector.ts";
import { sendCompliance, waitForCompleted } from "../../helpers/privacy.ts";
import { seedTenant } from "../../helpers/seed-tenant.ts";
import { deliver, sendDelivery } from "../../helpers/webhook-requests.ts";
import { tenantDb } from "../../helpers/tenant-db.ts";

// Values that appear nowhere else, so any log line carrying one is a leak.
const PII = {
  email: "leaky.lovelace@pii.example",
  phone: "+447700900461",
  firstName: "Augustaleak",
  lastName: "Kingleak",
  address1: "12 Leakystreet Mews",
  city: "Leakington",
  zip: "LK1 4PX",
  ip: "203.0.113.77",
};

const customerPayload = (id: number) => ({
  id,
  email: PII.email,
  phone: PII.phone,
  first_name: PII.firstName,
  last_name: PII.lastName,
  tags: "",
  created_at: "2026-11-01T10:00:00Z",
  updated_at: "2026-11-01T10:00:00Z",
  default_address: { address1: PII.address1, city: PII.city, zip: PII.zip, country_code: "GB", phone: PII.phone },
  note: `Call ${PII.phone}, ships to ${PII.address1}`,
});

const orderPayload = (id: number, customerId: number) => ({
  id,
  name: "#1001",
  email: PII.email,
  phone: PII.phone,
  browser_ip: PII.ip,
  client_details: { browser_ip: PII.ip, user_agent: "Mozilla/5.0" },
  currency: "GBP",
  total_price: "10.00",
  financial_status: "paid",
  checkout_token: `tok${id}`,
  created_at: "2026-11-01T10:00:00Z",
  updated_at: "2026-11-01T10:00:00Z",
  customer: customerPayload(customerId),
  shipping_address: { address1: PII.address1, city: PII.city, zip: PII.zip, first_name: PII.firstName, last_name: PII.lastName, phone: PII.phone },
  line_items: [{ id: id + 1, product_id: 5, variant_id: 6, title: "Tea", quantity: 1, price: "10.00" }],
});

describe("logs never carry customer personal data", () => {
  const lines: string[] = [];
  const spies: MockInstance[] = [];

  beforeAll(() => {
    for (const level of ["log", "info", "warn", "error", "debug"] as const) {
      spies.push(vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(" "))));
    }
  });
  afterAll(() => {
    for (const spy of spies) spy.mockRestore();
  });

  it("while webhooks, Pub/Sub, the pixel, the API, the admin and privacy requests handle an identifiable customer", async () => {
    const sim = simulator();
    const { shop } = await sim.createShop({ size: { products: 0, customers: 0, orders: 0, abandonedCheckouts: 0 } });
    const tenant = await seedTenant({ shop });
    const ip = { "CF-Connecting-IP": PII.ip, "X-Forwarded-For": PII.ip, "User-Agent": `Agent ${PII.email}` };
    const customerId = 7_700_000_001;

    for (const [topic, payload, via] of [
      ["customers/create", customerPayload(customerId), "https"],
      ["orders/paid", orderPayload(7_800_000_001, customerId), "pubsub"],
      ["orders/create", orderPayload(7_800_000_002, customerId), "https"],
      ["customers/update", { ...customerPayload(customerId), id: "not-a-number" }, "https"],
      ["made/up_topic", customerPayload(customerId), "https"],
    ] as const) {
      const { response } = await deliver(sim, shop, { topic, payloadText: JSON.stringify(payload), via, headers: ip });
      expect(response.status).toBeLessThan(300);
    }
    const unsigned = await deliver(sim, shop, { topic: "orders/create", payloadText: JSON.stringify(orderPayload(7_800_000_003, customerId)), via: "https" });
    expect((await sendDelivery(unsigned.delivery, { headers: { "X-Shopify-Hmac-Sha256": "bad" } })).status).toBe(401);

    const clientId = crypto.randomUUID();
    const token = await pixelToken(tenant.publicKey, clientId);
    const page = { document: { location: { href: `https://${shop}/account?email=${PII.email}&phone=${PII.phone}`, pathname: "/account" }, title: PII.firstName } };
    const events = [
      { id: `leak-${clientId}`, name: "page_viewed", type: "standard", clientId, timestamp: new Date().toISOString(), context: page, data: {} },
      { id: `leak2-${clientId}`, name: "search_submitted", type: "standard", clientId, timestamp: new Date().toISOString(), context: page, data: { searchResult: { query: PII.email } } },
      { id: `leak3-${clientId}`, name: "form_submitted", type: "custom", clientId, timestamp: new Date().toISOString(), customData: { email: PII.email, address: PII.address1 } },
    ];
    expect((await postPixel("/events", { token, events }, ip)).status).toBe(202);
    expect((await postPixel("/events", { token: "forged", events }, ip)).status).toBe(401);

    const db = await tenantDb(tenant.tenantId);
    const profile = await waitFor(
      async () => db.prepare("select id from profiles where tenant_id = ? and email = ?").bind(tenant.tenantId, PII.email).first<{ id: string }>(),
      { what: "the customer's profile" },
    );
    await waitFor(async () => (await db.prepare("select count(*) n from events where tenant_id = ? and anonymous_id = ?").bind(tenant.tenantId, clientId).first<{ n: number }>())!.n > 0 || null, { what: "pixel events" });
    expect((await apiGet(tenant.serverKey, `/profiles/${profile!.id}`)).status).toBe(200);
    expect((await apiGet(tenant.serverKey, `/events?profileId=${profile!.id}`)).status).toBe(200);
    expect((await apiGet(tenant.serverKey, `/events?since=${PII.email}`)).status).toBe(400);
    expect((await adminFetch(shop, "/events/recent")).status).toBe(200);
    await consumeQueueBatch("segops-ingest-dlq", [{ type: "webhook", shop, topic: "orders/create", body: JSON.stringify(orderPayload(7_800_000_004, customerId)) }]);

    await sim.createCustomer(shop, { email: PII.email, phone: PII.phone, firstName: PII.firstName, lastName: PII.lastName, address1: PII.address1, emit: false });
    const { customer } = await sim.createCustomer(shop, { email: `x${PII.email}`, emit: false });
    for (const topic of ["customers/data_request", "customers/redact"] as const) await waitForCompleted((await sendCompliance(sim, shop, topic, customer.id)).requestId);

    const leaks = lines.filter((line) => Object.values(PII).some((value) => line.toLowerCase().includes(value.toLowerCase())));
    expect(lines.some((line) => line.includes('"queue":"segops-ingest"')), "the queue consumers' lines were captured too").toBe(true);
    expect(lines.some((line) => line.includes('"queue":"segops-privacy"'))).toBe(true);
    expect(leaks).toEqual([]);
  });
});
