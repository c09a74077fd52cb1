import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { storedEvents } from "../helpers/read-ingested.ts";
import { waitFor } from "../helpers/wait-for.ts";
import { seedTenant, type SeededTenant } from "../helpers/seed-tenant.ts";
import { sharedFixture, sharedFixturePaths } from "../helpers/shared-fixtures.ts";
import { deliver, simulatedShop } from "../helpers/webhook-requests.ts";
import { tenantDb } from "../helpers/tenant-db.ts";

// Reading the set's README says SKIPPED once when ../shared/fixtures/shopify is absent.
const present = sharedFixture("README.md") !== null;

const DIR = "shopify-docs-2025-01/";
const SPECIAL: Record<string, string> = {
  app_scopes_update: "app/scopes_update",
  app_uninstalled: "app/uninstalled",
  bulk_operations_finish: "bulk_operations/finish",
  customers_data_request: "customers/data_request",
  customers_email_marketing_consent_update: "customers_email_marketing_consent/update",
  customers_marketing_consent_update: "customers_marketing_consent/update",
  fulfillment_events_create: "fulfillment_events/create",
  inventory_levels_update: "inventory_levels/update",
  metafield_definitions_update: "metafield_definitions/update",
  orders_partially_fulfilled: "orders/partially_fulfilled",
  shop_redact: "shop/redact",
};
const topicOf = (file: string) => {
  const name = file.slice(DIR.length, -".json".length);
  return SPECIAL[name] ?? (name.includes(".") ? name : name.replace(/_(?=[^_]+$)/, "/"));
};

/** What each documented topic must become; every other topic is acknowledged and quarantined with a reason. */
const EVENTS: Record<string, string> = {
  "orders/create": "order_created",
  "orders/paid": "purchase",
  "orders/updated": "order_updated",
  "orders/fulfilled": "order_updated",
  "orders/partially_fulfilled": "order_updated",
  "orders/edited": "order_modified",
  "orders/cancelled": "order_cancelled",
  "orders/delete": "order_deleted",
  "checkouts/create": "checkout_start",
  "checkouts/update": "checkout_update",
  "carts/create": "cart_create",
  "carts/update": "cart_update",
  "customers/create": "customer_created",
  "customers/update": "customer_updated",
  "customers/delete": "customer_deleted",
  "customers_email_marketing_consent/update": "consent_change",
  "customers_marketing_consent/update": "consent_change",
  "refunds/create": "refund",
  "fulfillments/create": "fulfillment_created",
  "fulfillments/update": "fulfillment_updated",
};
const CATALOG = new Set(["products/create", "products/update", "products/delete"]);
const PRIVACY = new Set(["customers/data_request", "customers/redact", "shop/redact"]);
const LIFECYCLE = new Set(["app/uninstalled", "app/scopes_update", "bulk_operations/finish"]);

const files = sharedFixturePaths(DIR);

async function quarantineRow(tenantId: string) {
  return (await tenantDb(tenantId)).prepare("select reason, payload from quarantine where tenant_id = ?").bind(tenantId).first<{ reason: string; payload: string }>();
}

describe.skipIf(!present).each(["https", "pubsub"] as const)("Shopify's documented payloads via %s", (via) => {
  const sent = new Map<string, { tenant: SeededTenant; status: number; body: string }>();

  beforeAll(async () => {
    await Promise.all(
      files.map(async (file) => {
        const topic = topicOf(file);
        const { sim, shop } = await simulatedShop();
        const tenant = await seedTenant({ shop });
        // Shopify's samples name the shop "{shop}.myshopify.com"; a real delivery names the shop it is sent for.
        const body = sharedFixture(file)!.replaceAll("{shop}.myshopify.com", shop);
        const { response } = await deliver(sim, shop, { topic, payloadText: body, via: PRIVACY.has(topic) ? "https" : via });
        sent.set(topic, { tenant, status: response.status, body });
      }),
    );
  }, 60_000);

  it("covers every topic of the fixture set", () => {
    expect(files.length).toBeGreaterThanOrEqual(39);
  });

  it.each(files.map(topicOf))("acknowledges %s and turns it into the right outcome", async (topic) => {
    const { tenant, status, body } = sent.get(topic)!;
    expect(status).toBe(via === "https" || PRIVACY.has(topic) ? 200 : 204);
    const expected = EVENTS[topic];
    if (expected) {
      const [event] = await waitFor(async () => (await storedEvents(tenant.tenantId, expected)).length > 0 && storedEvents(tenant.tenantId, expected), { what: `a ${expected} event from ${topic}` });
      expect(event!.source).toBe("webhook");
      expect(await quarantineRow(tenant.tenantId)).toBeNull();
    } else if (topic === "products/delete") {
      await waitFor(async () => (await (await tenantDb(tenant.tenantId)).prepare("select 1 from deliveries where tenant_id = ?").bind(tenant.tenantId).first()) !== null, { what: `the ${topic} delivery recorded` });
      expect(await quarantineRow(tenant.tenantId)).toBeNull();
    } else if (CATALOG.has(topic)) {
      const product = await waitFor(async () => (await tenantDb(tenant.tenantId)).prepare("select * from products where tenant_id = ?").bind(tenant.tenantId).first<Record<string, unknown>>(), { what: `the product from ${topic}` });
      expect(product).toMatchObject({ shopify_product_id: "788032119674292922", title: "Example T-Shirt", status: "active", origin: "shopify" });
    } else if (PRIVACY.has(topic)) {
      const row = await env.DB.prepare("select kind, tenant_id from privacy_requests where shop_domain = ?").bind(tenant.shop).first();
      expect(row).toMatchObject({ tenant_id: tenant.tenantId });
    } else if (topic === "app/uninstalled") {
      await waitFor(async () => (await env.DB.prepare("select status from tenants where id = ?").bind(tenant.tenantId).first<{ status: string }>())?.status === "uninstalled", { what: "the tenant marked uninstalled" });
    } else if (topic === "app/scopes_update") {
      await waitFor(async () => (await env.DB.prepare("select granted_scopes from tenants where id = ?").bind(tenant.tenantId).first<{ granted_scopes: string }>())?.granted_scopes !== "", { what: "the tenant's granted scopes stored" });
    } else {
      const row = await waitFor(async () =>
        LIFECYCLE.has(topic) ? (await quarantineRow(tenant.tenantId)) ?? (await (await tenantDb(tenant.tenantId)).prepare("select key from deliveries where tenant_id = ?").bind(tenant.tenantId).first()) : quarantineRow(tenant.tenantId),
        { what: `${topic} quarantined or recorded` },
      );
      if ("reason" in row) {
        expect(row.reason).not.toBe("");
        expect(row.payload).toBe(body);
      }
    }
  });

  it("keeps the docs' ids above 2^53 exact from the raw body to the stored event", async () => {
    const paid = sent.get("orders/paid")!;
    const [purchase] = await waitFor(async () => (await storedEvents(paid.tenant.tenantId, "purchase")).length > 0 && storedEvents(paid.tenant.tenantId, "purchase"), { what: "a purchase event" });
    expect(purchase!.dedup_key).toBe("purchase:820982911946154508");
    expect(purchase!.properties).toMatchObject({ orderId: "820982911946154508", customerId: "115310627314723954" });
    expect((purchase!.properties.lineItems as { lineItemId: string }[]).map((line) => line.lineItemId)).toContain("866550311766439020");
    const refund = sent.get("refunds/create")!;
    const [event] = await waitFor(async () => (await storedEvents(refund.tenant.tenantId, "refund")).length > 0 && storedEvents(refund.tenant.tenantId, "refund"), { what: "a refund event" });
    expect(event!.properties).toMatchObject({ refundId: "890088186047892319", orderId: "820982911946154508", amount: 85 });
    const customer = sent.get("customers/create")!;
    const profile = await (await tenantDb(customer.tenant.tenantId)).prepare("select shopify_customer_id from profiles where tenant_id = ?").bind(customer.tenant.tenantId).first();
    expect(profile).toEqual({ shopify_customer_id: "706405506930370084" });
  });
});
