import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { TENANT_OBJECT_STORAGE } from "../../../../worker/db/privacy-classification.ts";
import type { BootstrapResponse } from "../../../../worker/routes/admin/get-bootstrap.ts";
import { waitForBackfill } from "../../../helpers/backfill.ts";
import { adminJson, sim as simulator, waitForSetup } from "../../../helpers/harness.ts";
import { waitFor } from "../../../helpers/wait-for.ts";
import { consumeQueueBatch } from "../../../helpers/queue-batch.ts";
import { webhookMessage } from "../../../helpers/ingest-queue.ts";
import { postPixel, pixelToken } from "../../../helpers/pixel-collector.ts";
import { findInDatabase, objectStorage, rowsOfTenant, sendCompliance, stageLines, waitForCompleted } from "../../../helpers/privacy.ts";
import { deliveryRequest, type SimClient, type SimDelivery } from "../../../helpers/simulator-client.ts";
import { fetchWithEnv, sendDelivery } from "../../../helpers/webhook-requests.ts";
import { tenantDb } from "../../../helpers/tenant-db.ts";

const STORE = { products: 2, customers: 0, orders: 0, abandonedCheckouts: 0, days: 30 };

type Person = { email: string; firstName: string; lastName: string; phone: string; address1: string };
type Seeded = Person & { customerId: string; profileId: string; orderIds: string[]; checkoutToken: string; clientId: string };

const person = (tag: string): Person => ({
  email: `${tag}.${crypto.randomUUID().slice(0, 6)}@privacy.example`,
  firstName: `Zerubbabel${tag}`,
  lastName: `Quixotica${tag}`,
  phone: `+1613555${String(Math.floor(Math.random() * 10_000)).padStart(4, "0")}`,
  address1: `742 Evergreen Terrace Unit ${tag}`,
});

const send = async (deliveries: SimDelivery[]) => {
  for (const delivery of deliveries) expect((await sendDelivery(delivery)).status).toBeLessThan(300);
};

const pixelCheckout = (clientId: string, token: string) => ({
  id: `proof-${crypto.randomUUID()}`,
  name: "checkout_started",
  type: "standard",
  clientId,
  timestamp: new Date().toISOString(),
  context: { document: { location: { href: `https://demo.myshopify.com/checkouts/${token}?email=x`, pathname: `/checkouts/${token}` }, title: "Checkout" } },
  data: { checkout: { token, currencyCode: "USD", totalPrice: { amount: 10, currencyCode: "USD" }, lineItems: [], order: { id: null, customer: { id: null } } } },
});

/**
 * One customer through every path SegOps takes data in: the history backfill (and lines staged by an in-flight one),
 * an HTTPS webhook, a Pub/Sub webhook, the pixel with a visitor stitched to them, a quarantined delivery, a dead
 * letter, a spilled payload still waiting for its message, a segment with its pushed tags, and a Flow run.
 */
async function seedCustomer(sim: SimClient, shop: string, tenantId: string, publicKey: string, who: Person, before: string): Promise<Seeded> {
  const customerId = before;
  const checkoutToken = crypto.randomUUID().replaceAll("-", "");
  const clientId = crypto.randomUUID();
  const token = await pixelToken(publicKey, clientId);
  expect((await postPixel("/events", { token, events: [pixelCheckout(clientId, checkoutToken)] })).status).toBe(202);
  const db = await tenantDb(tenantId);
  await waitFor(async () => (await db.prepare("select 1 from checkouts where tenant_id = ? and token = ?").bind(tenantId, checkoutToken).first()) ?? null, { what: "the pixel checkout" });
  const { order, deliveries } = await sim.createOrder(shop, { customerId, checkoutToken, financialStatus: "paid", lines: [{ quantity: 1 }] });
  await send(deliveries);
  await send((await sim.updateCustomer(shop, customerId, { tags: ["proof"], via: "pubsub" })).deliveries);
  const raw = JSON.stringify({ id: customerId, email: who.email, phone: who.phone, first_name: who.firstName, default_address: { address1: who.address1 } });
  await send([await sim.webhook(shop, { topic: "customers/merge", payloadText: raw, via: "https" })]);
  await consumeQueueBatch("segops-ingest-dlq", [webhookMessage(shop, "orders/create", raw)]);
  const spilled = await sim.webhook(shop, { topic: "customers/update", payloadText: JSON.stringify({ ...JSON.parse(raw), note: "x".repeat(110_000) }), via: "https" });
  expect((await fetchWithEnv(deliveryRequest(spilled), { INGEST_QUEUE: { send: async () => undefined } })).status).toBe(200);
  await stageLines(tenantId, [{ id: `gid://shopify/Customer/${customerId}`, parentId: null, line: raw }]);
  await db.prepare("insert into flow_action_runs (action_run_id, tenant_id, handle, status, result, created_at) values (?, ?, 'segops-tag-customer', 'succeeded', ?, ?)")
    .bind(`run-${crypto.randomUUID()}`, tenantId, JSON.stringify({ status: 200, body: { customerId, tag: "vip" } }), Date.now())
    .run();
  await waitFor(async () => (await db.prepare("select 1 from events where tenant_id = ? and anonymous_id = ? and profile_id is not null").bind(tenantId, clientId).first()) ?? null, { what: "the stitched visitor" });
  const orders = await db.prepare("select shopify_order_id id from orders where tenant_id = ? and shopify_customer_id = ?").bind(tenantId, customerId).all<{ id: string }>();
  expect(orders.results.map((row) => row.id)).toContain(order.id);
  const profile = await db.prepare("select id from profiles where tenant_id = ? and shopify_customer_id = ?").bind(tenantId, customerId).first<{ id: string }>();
  return { ...who, customerId, profileId: profile!.id, orderIds: orders.results.map((row) => row.id), checkoutToken, clientId };
}

const needlesOf = (seeded: Seeded) => [
  seeded.email,
  seeded.phone,
  seeded.firstName,
  seeded.lastName,
  seeded.address1,
  seeded.customerId,
  seeded.profileId,
  ...seeded.orderIds,
  seeded.checkoutToken,
  seeded.clientId,
];

/** Every place the seeding put the customer, so the proof cannot pass by finding nothing to begin with. */
const SEEDED_TABLES = [
  "profiles",
  "identities",
  "events",
  "orders",
  "checkouts",
  "segment_memberships",
  "segment_tags",
  "flow_action_runs",
  "quarantine",
  "dead_letters",
  "ingest_payloads",
];

/** A shop installed through the real flow whose history backfill has finished, with two customers of its own. */
async function installedShop(sim: SimClient, people: Person[]) {
  const { shop } = await sim.createShop({ size: STORE });
  const customers = [];
  for (const who of people) {
    const { customer } = await sim.createCustomer(shop, { ...who, emit: false });
    await sim.createOrder(shop, { customerId: customer.id, emit: false });
    customers.push(customer.id);
  }
  const bootstrap = await adminJson<BootstrapResponse>(shop, "/bootstrap");
  await waitForSetup(shop);
  await waitForBackfill(shop);
  await adminJson(shop, "/segments", { method: "POST", body: JSON.stringify({ name: "Buyers", kind: "customer", query: "orders_count >= 1", pushMode: "tags" }), headers: { "Content-Type": "application/json" } });
  const keys = await adminJson<BootstrapResponse>(shop, "/bootstrap");
  return { shop, tenantId: bootstrap.tenant.id, publicKey: keys.keys.public!.key, customers };
}

describe("redaction proof", () => {
  const sim = simulator();
  const ada = person("Ada");
  const bob = person("Bob");
  let shopA: Awaited<ReturnType<typeof installedShop>>;
  let seededAda: Seeded;
  let seededBob: Seeded;

  beforeAll(async () => {
    shopA = await installedShop(sim, [ada, bob]);
    seededAda = await seedCustomer(sim, shopA.shop, shopA.tenantId, shopA.publicKey, ada, shopA.customers[0]!);
    seededBob = await seedCustomer(sim, shopA.shop, shopA.tenantId, shopA.publicKey, bob, shopA.customers[1]!);
    await waitFor(async () => (await (await tenantDb(shopA.tenantId)).prepare("select count(*) n from segment_tags where tenant_id = ?").bind(shopA.tenantId).first<{ n: number }>())!.n >= 2 || null, { what: "tags pushed" });
  }, 120_000);

  it("customers/redact leaves no trace of the customer in any column of any table or in the Durable Object, and leaves the other customer whole", async () => {
    const before = new Set((await findInDatabase(needlesOf(seededAda))).map((match) => match.table));
    expect([...before].toSorted()).toEqual(expect.arrayContaining(SEEDED_TABLES));
    expect(JSON.stringify(await objectStorage(shopA.tenantId))).toContain(seededAda.email);
    const bobBefore = await findInDatabase(needlesOf(seededBob));
    const { requestId } = await sendCompliance(sim, shopA.shop, "customers/redact", seededAda.customerId);
    const done = await waitForCompleted(requestId);

    expect(await findInDatabase(needlesOf(seededAda))).toEqual([]);
    const storage = JSON.stringify(await objectStorage(shopA.tenantId)).toLowerCase();
    for (const needle of needlesOf(seededAda)) expect(storage).not.toContain(needle.toLowerCase());
    expect(await findInDatabase(needlesOf(seededBob))).toEqual(bobBefore);
    expect(storage).toContain(seededBob.email.toLowerCase());
    expect(JSON.parse(done.result!)).toMatchObject({ events: expect.any(Number), raw_bodies: 3, tenant_object: 1, profile: 1 });
    const kept = await (await tenantDb(shopA.tenantId)).prepare("select count(*) n from redacted_subjects where tenant_id = ?").bind(shopA.tenantId).first<{ n: number }>();
    expect(kept!.n).toBeGreaterThanOrEqual(5);
  });

  it("shop/redact deletes every row of the tenant, empties its Durable Object and exports, and leaves the other tenant whole", async () => {
    const carol = person("Carol");
    const shopB = await installedShop(sim, [carol]);
    const seededCarol = await seedCustomer(sim, shopB.shop, shopB.tenantId, shopB.publicKey, carol, shopB.customers[0]!);
    const exported = await sendCompliance(sim, shopB.shop, "customers/data_request", seededCarol.customerId);
    const exportKey = JSON.parse((await waitForCompleted(exported.requestId)).export!).key as string;
    expect(await env.PRIVACY_EXPORTS.head(exportKey)).not.toBeNull();
    const otherBefore = await rowsOfTenant(shopA.tenantId, shopA.shop);
    const otherStorage = await objectStorage(shopA.tenantId);

    await send((await sim.uninstall(shopB.shop)).deliveries);
    await waitFor(async () => (await env.DB.prepare("select status from tenants where id = ?").bind(shopB.tenantId).first<{ status: string }>())?.status === "uninstalled" || null, { what: "the uninstall" });
    const { requestId } = await sendCompliance(sim, shopB.shop, "shop/redact");
    await waitForCompleted(requestId);

    expect(await rowsOfTenant(shopB.tenantId, shopB.shop)).toEqual({});
    // Simulated shops number their customers and orders alike, so only what is unique to this shop is searched for.
    const unique = [shopB.shop, shopB.tenantId, carol.email, carol.phone, carol.firstName, carol.lastName, carol.address1, seededCarol.checkoutToken, seededCarol.clientId];
    expect(await findInDatabase(unique)).toEqual([]);
    expect(await objectStorage(shopB.tenantId)).toEqual({ keys: {}, tables: {}, alarm: null });
    expect(await env.PRIVACY_EXPORTS.head(exportKey)).toBeNull();
    expect(await rowsOfTenant(shopA.tenantId, shopA.shop)).toEqual(otherBefore);
    expect(await objectStorage(shopA.tenantId)).toEqual(otherStorage);
  });

  it("classifies every key and table the tenant's Durable Object holds", async () => {
    const storage = await objectStorage(shopA.tenantId);
    const classified = new Set(TENANT_OBJECT_STORAGE.map((entry) => entry.name));
    expect([...Object.keys(storage.keys), ...Object.keys(storage.tables)].filter((name) => !classified.has(name))).toEqual([]);
  });
});
