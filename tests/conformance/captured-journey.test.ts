import { describe, expect, it } from "vitest";
import { pixelToken, postPixel } from "../helpers/pixel-collector.ts";
import { profileByCustomer, storedEvents, storedRows } from "../helpers/read-ingested.ts";
import { waitFor } from "../helpers/wait-for.ts";
import { seedTenant } from "../helpers/seed-tenant.ts";
import { sharedFixture } from "../helpers/shared-fixtures.ts";
import { deliver, simulatedShop } from "../helpers/webhook-requests.ts";
import { tenantDb } from "../helpers/tenant-db.ts";

// Reading the set's README says SKIPPED once when ../shared/fixtures/shopify is absent.
const present = sharedFixture("README.md") !== null;

const WEBHOOKS = "rudderstack-captured/webhooks/";
const PIXEL = "rudderstack-captured/pixel/";
const CLIENT_ID = "c7b3f99b-4d34-463b-835f-c879482a7750";
const JOURNEY_CHECKOUT = "84ad78572dae52a8cbea7d55371afe89";
const PIXEL_CHECKOUT = "5f7028e0bd5225c17b24bdaa0c09f914";
const CUSTOMER = "7358220173425";
const ORDER = "5778367414385";
const CART = "Z2NwLXVzLWVhc3QxOjAxSkJaTUVRSjgzNUJUN1BTNjEzRFdRUFFQ";

// The captured pixel checkout and the captured webhooks come from two different checkouts of the same store; the
// journey test puts the pixel events on the webhooks' checkout, as one visitor's storefront would.
const pixelEvent = (name: string) => JSON.parse(sharedFixture(`${PIXEL}${name}.json`)!.replaceAll(PIXEL_CHECKOUT, JOURNEY_CHECKOUT)) as Record<string, unknown>;

describe.skipIf(!present)("RudderStack's captured checkout → order journey", () => {
  it("counts one purchase, stitches the visitor to customer 7358220173425 through the checkout token, and enriches the purchase", async () => {
    const { sim, shop } = await simulatedShop();
    const tenant = await seedTenant({ shop });
    const token = await pixelToken(tenant.publicKey, CLIENT_ID);
    const browsing = ["page_viewed", "product_viewed", "product_added_to_cart", "checkout_started"].map(pixelEvent);
    expect((await postPixel("/events", { token, events: browsing })).status).toBe(202);
    await waitFor(async () => (await storedEvents(tenant.tenantId)).length === 4, { what: "the 4 browsing events" });

    const steps = [
      ["checkouts/create", "checkouts_create", "https"],
      ["orders/create", "orders_create", "pubsub"],
      ["orders/paid", "orders_paid", "https"],
      ["orders/updated", "orders_updated", "pubsub"],
      ["orders/paid", "orders_paid", "pubsub"],
    ] as const;
    for (const [topic, file, via] of steps) {
      const { response } = await deliver(sim, shop, { topic, payloadText: sharedFixture(`${WEBHOOKS}${file}.json`)!, via });
      expect(response.ok).toBe(true);
    }
    expect((await postPixel("/events", { token, events: [pixelEvent("checkout_completed")] })).status).toBe(202);

    const purchases = await waitFor(async () => {
      const rows = await storedEvents(tenant.tenantId, "purchase");
      return rows.length === 1 && rows[0]!.properties.pixel && rows;
    }, { what: "one purchase enriched by the pixel" });
    const profile = await profileByCustomer(tenant.tenantId, CUSTOMER);
    expect(profile).toMatchObject({ email: "henry@wfls.com", orders_count: 1, total_spent: 600, country: "US" });
    expect(purchases[0]).toMatchObject({ dedup_key: `purchase:${ORDER}`, source: "webhook", profile_id: profile!.id, anonymous_id: CLIENT_ID });
    expect(purchases[0]!.properties.pixel).toMatchObject({ clientId: CLIENT_ID });

    // Seven events in all: the later webhooks may still be in the queue when the purchase is stored.
    const events = await waitFor(async () => {
      const rows = await storedEvents(tenant.tenantId);
      return rows.length === 7 && rows.every((row) => row.profile_id === profile!.id) && rows;
    }, { what: "the journey's 7 events, all on the customer's profile" });
    const keys = events.map((event) => (event.source === "pixel" && event.name !== "checkout_start" ? event.name : event.dedup_key));
    expect(keys.sort()).toEqual(
      [
        `checkout_start:${JOURNEY_CHECKOUT}`,
        `order_created:${ORDER}`,
        `order_updated:${ORDER}:${Date.parse("2024-11-05T21:54:50-05:00")}`,
        `purchase:${ORDER}`,
        "add_to_cart",
        "page_view",
        "product_view",
      ].sort(),
    );
    const identities = await storedRows<{ kind: string; value: string; profile_id: string }>("identities", tenant.tenantId);
    expect(identities).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "client_id", value: CLIENT_ID, profile_id: profile!.id }),
        expect.objectContaining({ kind: "checkout_token", value: JOURNEY_CHECKOUT, profile_id: profile!.id }),
        expect.objectContaining({ kind: "cart_token", value: CART, profile_id: profile!.id }),
      ]),
    );
  });

  it("quarantines the captured orders/cancelled body, which carries no order id", async () => {
    const { sim, shop } = await simulatedShop();
    const tenant = await seedTenant({ shop });
    const { response } = await deliver(sim, shop, { topic: "orders/cancelled", payloadText: sharedFixture(`${WEBHOOKS}orders_cancelled.json`)!, via: "https" });
    expect(response.status).toBe(200);
    const row = await waitFor(async () => (await tenantDb(tenant.tenantId)).prepare("select reason from quarantine where tenant_id = ?").bind(tenant.tenantId).first<{ reason: string }>(), { what: "a quarantine row" });
    expect(row.reason).toMatch(/order has no id/);
  });

  it.each([
    ["carts/create", "carts_create", "cart_create"],
    ["carts/update", "carts_update", "cart_update"],
    ["customers/create", "customers_create", "customer_created"],
    ["fulfillments/update", "fulfillments_update", "fulfillment_updated"],
    ["checkouts/update", "checkouts_update", "checkout_update"],
    ["checkouts/create", "checkouts_create__2", "checkout_start"],
    ["orders/partially_fulfilled", "orders_partially_fulfilled", "order_updated"],
  ])("maps the captured %s body (%s.json) to %s", async (topic, file, name) => {
    const { sim, shop } = await simulatedShop();
    const tenant = await seedTenant({ shop });
    await deliver(sim, shop, { topic, payloadText: sharedFixture(`${WEBHOOKS}${file}.json`)!, via: "https" });
    await waitFor(async () => (await storedEvents(tenant.tenantId, name)).length === 1, { what: `one ${name} event` });
  });
});

describe.skipIf(!present)("captured Web Pixels events through the collector", () => {
  const CANONICAL: Record<string, string | null> = {
    page_viewed: "page_view",
    product_viewed: "product_view",
    product_viewed__2: "product_view",
    collection_viewed: "collection_view",
    search_submitted: "search",
    cart_viewed: "cart_view",
    product_added_to_cart: "add_to_cart",
    product_removed_from_cart: "remove_from_cart",
    checkout_started: "checkout_start",
    checkout_contact_info_submitted: "checkout_contact_info",
    checkout_address_info_submitted: "checkout_address_info",
    checkout_shipping_info_submitted: "checkout_shipping_info",
    payment_info_submitted: "payment_info",
    checkout_completed: null,
    checkout_completed__2: null,
    unknown_event: null,
  };

  it.each(Object.entries(CANONICAL))("maps %s to %s", async (file, name) => {
    const tenant = await seedTenant();
    const event = JSON.parse(sharedFixture(`${PIXEL}${file}.json`)!) as Record<string, unknown>;
    const token = await pixelToken(tenant.publicKey, event.clientId as string);
    expect((await postPixel("/events", { token, events: [event] })).status).toBe(202);
    if (name) {
      const [stored] = await waitFor(async () => (await storedEvents(tenant.tenantId, name)).length === 1 && storedEvents(tenant.tenantId, name), { what: `one ${name} event` });
      expect(stored).toMatchObject({ source: "pixel", anonymous_id: CLIENT_ID, profile_id: null });
      return;
    }
    if (file === "unknown_event") {
      const row = await waitFor(async () => (await tenantDb(tenant.tenantId)).prepare("select reason from quarantine where tenant_id = ?").bind(tenant.tenantId).first<{ reason: string }>(), { what: "a quarantine row" });
      expect(row.reason).toMatch(/unknown_event/);
      return;
    }
    const checkout = await waitFor(async () => (await tenantDb(tenant.tenantId)).prepare("select anonymous_id, pixel_enrichment from checkouts where tenant_id = ?").bind(tenant.tenantId).first<{ anonymous_id: string; pixel_enrichment: string }>(), { what: "the checkout enriched by the pixel" });
    expect(checkout.anonymous_id).toBe(CLIENT_ID);
    expect(JSON.parse(checkout.pixel_enrichment)).toMatchObject({ clientId: CLIENT_ID, eventId: event.id });
    expect(await storedEvents(tenant.tenantId)).toEqual([]);
  });
});
