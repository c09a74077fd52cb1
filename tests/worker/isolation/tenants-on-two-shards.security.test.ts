// isolate: placement counts every directory entry; alone in its storage the first install lands on SHARD_1, the second on SHARD_2.
import { env } from "cloudflare:workers";
import { getTableConfig } from "drizzle-orm/sqlite-core";
import { beforeAll, describe, expect, it } from "vitest";
import { PRIVACY_CLASSIFICATION } from "../../../worker/db/privacy-classification.ts";
import type { BootstrapResponse } from "../../../worker/routes/admin/get-bootstrap.ts";
import { apiFetch } from "../../helpers/api-fetch.ts";
import { waitForBackfill } from "../../helpers/backfill.ts";
import { adminJson, sim as simulator, waitForSetup } from "../../helpers/harness.ts";
import { ownPixelEvents, postPixel, pixelToken } from "../../helpers/pixel-collector.ts";
import { findInDatabase, rowsOfTenant, sendCompliance, testPerson, waitForCompleted, type TestPerson } from "../../helpers/privacy.ts";
import type { SimClient } from "../../helpers/simulator-client.ts";
import { CONTROL_TABLES } from "../../helpers/tenant-db.ts";
import { waitFor } from "../../helpers/wait-for.ts";
import { sendDelivery } from "../../helpers/webhook-requests.ts";

type Shop = { shop: string; tenantId: string; publicKey: string; serverKey: string; customerId: string; person: TestPerson; clientId: string };

const SHARDS = { SHARD_1: () => env.SHARD_1, SHARD_2: () => env.SHARD_2 } as const;
type ShardName = keyof typeof SHARDS;

/** Data tables with a tenant_id column: where a tenant's rows may be, on its shard only. */
const DATA_TABLES = PRIVACY_CLASSIFICATION.map((entry) => getTableConfig(entry.table)).filter(
  (config) => !CONTROL_TABLES.has(config.name) && config.columns.some((column) => column.name === "tenant_id"),
);

/** A shop installed through the real flow (token exchange, setup, backfill), with one customer of its own. */
async function install(sim: SimClient, tag: string): Promise<Shop> {
  const { shop } = await sim.createShop({ size: { products: 2, customers: 0, orders: 0, abandonedCheckouts: 0, days: 30 } });
  const person = testPerson(tag);
  const { customer } = await sim.createCustomer(shop, { email: person.email, firstName: person.firstName, lastName: person.lastName, phone: person.phone, emit: false });
  const bootstrap = await adminJson<BootstrapResponse>(shop, "/bootstrap");
  await waitForSetup(shop);
  await waitForBackfill(shop);
  const { key: serverKey } = await adminJson<{ key: string }>(shop, "/keys/server/reveal", { method: "POST" });
  const keys = await adminJson<BootstrapResponse>(shop, "/bootstrap");
  return { shop, tenantId: bootstrap.tenant.id, publicKey: keys.keys.public!.key, serverKey, customerId: customer.id, person, clientId: crypto.randomUUID() };
}

const shardOf = async (tenantId: string) =>
  (await env.DB.prepare("select shard from tenant_shards where tenant_id = ?").bind(tenantId).first<{ shard: string }>())?.shard;

/** Rows of the tenant per data table in one database. */
async function dataRows(db: D1Database, tenantId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { name } of DATA_TABLES) {
    const row = await db.prepare(`select count(*) n from "${name}" where tenant_id = ?`).bind(tenantId).first<{ n: number }>();
    if (row!.n > 0) counts[name] = row!.n;
  }
  return counts;
}

/** A storefront visit through the pixel and an order through the webhook, both of the shop's customer. */
async function shopperActivity(sim: SimClient, shop: Shop, db: D1Database): Promise<void> {
  const token = await pixelToken(shop.publicKey, shop.clientId);
  expect((await postPixel("/events", { token, events: ownPixelEvents(shop.clientId) })).status).toBe(202);
  const { order, deliveries } = await sim.createOrder(shop.shop, { customerId: shop.customerId, financialStatus: "paid", lines: [{ quantity: 1 }] });
  for (const delivery of deliveries) expect((await sendDelivery(delivery)).status).toBe(200);
  await waitFor(async () => (await db.prepare("select 1 from orders where tenant_id = ? and shopify_order_id = ?").bind(shop.tenantId, order.id).first()) ?? null, {
    what: `the order of ${shop.shop}`,
    timeoutMs: 30_000,
  });
  await waitFor(async () => (await db.prepare("select 1 from events where tenant_id = ? and anonymous_id = ?").bind(shop.tenantId, shop.clientId).first()) ?? null, {
    what: `the pixel events of ${shop.shop}`,
    timeoutMs: 30_000,
  });
}

describe("two tenants installed on two data shards", () => {
  const sim = simulator();
  let one: Shop;
  let two: Shop;
  const placed: Record<string, ShardName> = {};

  beforeAll(async () => {
    one = await install(sim, "One");
    two = await install(sim, "Two");
    for (const shop of [one, two]) placed[shop.tenantId] = (await shardOf(shop.tenantId)) as ShardName;
    await shopperActivity(sim, one, SHARDS[placed[one.tenantId]!]());
    await shopperActivity(sim, two, SHARDS[placed[two.tenantId]!]());
  }, 240_000);

  it("places the first install on SHARD_1 and the second on SHARD_2, never on DB", () => {
    expect(placed).toEqual({ [one.tenantId]: "SHARD_1", [two.tenantId]: "SHARD_2" });
  });

  it("stores each tenant's webhooks, pixel events and backfill on its own shard, none on the other shard or DB", async () => {
    for (const [shop, own, other] of [
      [one, env.SHARD_1, env.SHARD_2],
      [two, env.SHARD_2, env.SHARD_1],
    ] as const) {
      expect(Object.keys(await dataRows(own, shop.tenantId))).toEqual(expect.arrayContaining(["events", "deliveries", "profiles", "identities", "orders", "jobs", "usage_counters"]));
      expect(await dataRows(other, shop.tenantId)).toEqual({});
      expect(await dataRows(env.DB, shop.tenantId)).toEqual({});
      // Control-plane rows stay in DB whatever the shard: the tenant, its keys, credentials and directory entry.
      for (const table of ["tenants", "api_keys", "shop_credentials", "tenant_shards"]) {
        const column = table === "tenants" ? "id" : "tenant_id";
        const count = async (db: D1Database) => (await db.prepare(`select count(*) n from ${table} where ${column} = ?`).bind(shop.tenantId).first<{ n: number }>())!.n;
        expect(await count(env.DB), table).toBeGreaterThan(0);
        expect((await count(own)) + (await count(other)), table).toBe(0);
      }
    }
  });

  it("serves each tenant's control-plane pages (keys, pixel, billing, suggestions, connect links) from DB while its data is on a shard", async () => {
    for (const shop of [one, two]) {
      const pixel = await adminJson<{ pixel: { installed: boolean; publicKeyHint: string | null }; counts: unknown }>(shop.shop, "/pixel");
      expect(pixel.pixel).toMatchObject({ installed: true, publicKeyHint: `${shop.publicKey.slice(0, 8)}…${shop.publicKey.slice(-4)}` });
      const billing = await adminJson<{ plan: string; usage: { limit: string; used: number }[] }>(shop.shop, "/billing");
      expect(billing.plan).toBe("starter");
      expect(billing.usage.find((row) => row.limit === "profiles")?.used).toBeGreaterThan(0);
      const suggestions = await adminJson<{ status: string }>(shop.shop, "/segments/suggestions");
      expect(suggestions.status).toBe("ready");
      const link = await apiFetch(shop.serverKey, "/connect-links", { method: "POST" });
      expect(link.status).toBe(201);
      const linkId = ((await link.json()) as { id: string }).id;
      expect(await env.DB.prepare("select tenant_id from connect_links where id = ?").bind(linkId).first()).toEqual({ tenant_id: shop.tenantId });
      const events = await apiFetch(shop.serverKey, "/events?source=pixel&limit=5");
      expect(events.status).toBe(200);
      expect(JSON.stringify(await events.json())).toContain(shop.clientId);
    }
  });

  it("customers/redact of a customer on SHARD_1 leaves no trace of them anywhere, and the tenant on SHARD_2 whole", async () => {
    const needles = [one.person.email, one.person.firstName, one.person.lastName, one.person.phone];
    expect((await findInDatabase(needles)).length).toBeGreaterThan(0);
    const twoBefore = await rowsOfTenant(two.tenantId, two.shop);
    const { requestId } = await sendCompliance(sim, one.shop, "customers/redact", one.customerId);
    await waitForCompleted(requestId);
    expect(await findInDatabase(needles)).toEqual([]);
    expect(await rowsOfTenant(two.tenantId, two.shop)).toEqual(twoBefore);
  });

  it("shop/redact of the tenant on SHARD_2 deletes every row of it in every database, and leaves the tenant on SHARD_1 whole", async () => {
    const oneBefore = await rowsOfTenant(one.tenantId, one.shop);
    for (const delivery of (await sim.uninstall(two.shop)).deliveries) expect((await sendDelivery(delivery)).status).toBe(200);
    await waitFor(async () => (await env.DB.prepare("select status from tenants where id = ?").bind(two.tenantId).first<{ status: string }>())?.status === "uninstalled" || null, {
      what: "the uninstall",
    });
    const { requestId } = await sendCompliance(sim, two.shop, "shop/redact");
    await waitForCompleted(requestId);
    expect(await rowsOfTenant(two.tenantId, two.shop)).toEqual({});
    expect(await findInDatabase([two.shop, two.tenantId, two.person.email, two.clientId])).toEqual([]);
    expect(await rowsOfTenant(one.tenantId, one.shop)).toEqual(oneBefore);
  });
});
