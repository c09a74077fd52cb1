// isolate: placement counts every directory entry; alone in its storage the attacker lands on SHARD_1 and the victim on SHARD_2.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { apiFetch } from "../../helpers/api-fetch.ts";
import { actionBody, flowPost } from "../../helpers/flow-requests.ts";
import { appFetch, type InstalledShop, sim } from "../../helpers/harness.ts";
import { fillPath, routeTable, type RouteEntry } from "../../helpers/route-table.ts";
import { installEmptyShop } from "../../helpers/segment-shop.ts";
import { seedProfiles } from "../../helpers/seed-profiles.ts";
import { seedCatalog, seedOrders } from "../../helpers/seed-storefront.ts";
import { tenantDb, CONTROL_TABLES } from "../../helpers/tenant-db.ts";

/** Everything of the victim a request could name or an answer could leak. */
type Victim = InstalledShop & { slug: string; profileId: string };

// The victim's product and order, which a checkout extension's request names by id.
const VICTIM_PRODUCT = { productId: "4242424242", title: "Victim-only product" };
const VICTIM_ORDER = "4343434343";

// Tables whose victim rows no request of another tenant may change (the install's backfill has finished).
const GUARDED_TABLES = ["tenants", "api_keys", "shop_credentials", "segments", "segment_memberships", "segment_tags", "identities", "flow_action_runs", "profiles", "connect_links", "tenant_settings", "privacy_requests", "quarantine"];

async function victimState(tenantId: string): Promise<string> {
  const parts: string[] = [];
  const data = await tenantDb(tenantId);
  for (const table of GUARDED_TABLES) {
    const column = table === "tenants" ? "id" : "tenant_id";
    const { results } = await (CONTROL_TABLES.has(table) ? env.DB : data).prepare(`select * from "${table}" where ${column} = ? order by 1`).bind(tenantId).all();
    // last_used_at moves whenever the victim's own key is used; nothing here uses it.
    parts.push(`${table}:${JSON.stringify(results)}`);
  }
  return parts.join("\n");
}

/** The ways an attacker holding its own credentials reaches each surface of the route table. */
async function credentialFor(route: RouteEntry, attacker: InstalledShop): Promise<Record<string, string> | null> {
  if (route.path.startsWith("/v1/")) return { Authorization: `Bearer ${attacker.serverKey}` };
  // App Bridge tokens live a minute and the matrix takes longer: a fresh one per request.
  if (route.path.startsWith("/admin/api/")) return { Authorization: `Bearer ${await sim().sessionToken(attacker.shop)}` };
  // A checkout extension on the attacker's shop, its buyer claiming the victim's customer id.
  if (route.path.startsWith("/checkout/v1/")) return { Authorization: `Bearer ${await sim().extensionSessionToken(attacker.shop, { customerId: "9007199254740993" })}` };
  return null;
}

function victimIds(victim: Victim): string[] {
  return [victim.slug, victim.profileId, victim.bootstrap.keys.public!.id, victim.bootstrap.keys.server!.id, victim.tenantId, "public", "server"];
}

describe("tenant isolation, generated from the route table", () => {
  let attacker: InstalledShop;
  let victim: Victim;

  beforeAll(async () => {
    // One after the other: each install is placed on the least-full shard, so the two end on different shards.
    const a = await installEmptyShop();
    const b = await installEmptyShop();
    attacker = a;
    const created = await apiFetch(b.serverKey, "/segments", { method: "POST", body: { name: "victims-vip", kind: "customer", query: 'tags contains "vip"' } });
    const slug = ((await created.json()) as { slug: string }).slug;
    const [profileId] = await seedProfiles(b.tenantId, [{ customerId: "9007199254740993", tags: ["vip"], email: "victim@example.org" }]);
    victim = { ...b, slug, profileId: profileId! };
    await seedCatalog(b.tenantId, [VICTIM_PRODUCT]);
    await seedOrders(b.tenantId, [{ orderId: VICTIM_ORDER, productIds: [VICTIM_PRODUCT.productId], orderedAt: Date.now(), profileId: profileId!, customerId: "9007199254740993" }]);
  }, 120_000);

  it("has the attacker and the victim on different data shards", async () => {
    const shards = await env.DB.prepare("select tenant_id, shard from tenant_shards where tenant_id in (?, ?)").bind(attacker.tenantId, victim.tenantId).all<{ tenant_id: string; shard: string }>();
    expect(Object.fromEntries(shards.results.map((row) => [row.tenant_id, row.shard]))).toEqual({ [attacker.tenantId]: "SHARD_1", [victim.tenantId]: "SHARD_2" });
  });

  it("refuses, or answers without the victim's data, every authenticated route called with another tenant's credentials and ids", { timeout: 300_000 }, async () => {
    const routes = routeTable().filter((route) => route.method !== "ALL" && ["/v1/", "/admin/api/", "/checkout/v1/"].some((surface) => route.path.startsWith(surface)));
    expect(routes.length).toBeGreaterThan(30);
    const before = await victimState(victim.tenantId);
    const secrets = [victim.tenantId, victim.shop, victim.slug, victim.profileId, victim.serverKey, victim.publicKey, "victim@example.org", VICTIM_PRODUCT.title];
    const leaks: string[] = [];
    let requests = 0;
    for (const route of routes) {
      const params = route.path.includes(":") ? victimIds(victim) : [""];
      for (const id of params) {
        const query = new URLSearchParams({
          tenantId: victim.tenantId,
          shop: victim.shop,
          slug: victim.slug,
          id,
          profileId: victim.profileId,
          order_id: VICTIM_ORDER,
          product_ids: VICTIM_PRODUCT.productId,
        }).toString();
        const path = `${fillPath(route.path, () => id)}?${query}`;
        const body = route.method === "GET" ? undefined : JSON.stringify({ tenantId: victim.tenantId, shop: victim.shop, slug: victim.slug, id, profileId: victim.profileId, name: "x", kind: "customer", query: 'tags contains "vip"' });
        const headers = { "Content-Type": "application/json", ...(await credentialFor(route, attacker)) };
        const res = await appFetch(path, { method: route.method, headers, body });
        requests++;
        const text = await res.text();
        if (res.status >= 500) leaks.push(`${route.method} ${path}: ${res.status}`);
        const leaked = secrets.filter((secret) => text.includes(secret));
        if (res.status < 400 && leaked.length > 0) leaks.push(`${route.method} ${route.path} with ${id}: ${res.status} answered ${leaked.join(", ")}`);
      }
    }
    expect(leaks).toEqual([]);
    expect(requests).toBeGreaterThan(100);
    expect(await victimState(victim.tenantId)).toBe(before);
  });

  it("keeps a Flow action of one shop from reaching another shop's customers", async () => {
    const before = await victimState(victim.tenantId);
    const flowRoutes = routeTable().filter((route) => route.method === "POST" && route.path.startsWith("/flow/"));
    expect(flowRoutes.length).toBeGreaterThan(0);
    for (const route of flowRoutes) {
      const handle = route.path.includes(":handle") ? "tag-customer" : "";
      const path = fillPath(route.path.slice("/flow".length), () => handle);
      const res = await flowPost(path, actionBody(attacker.shop, handle, { customer_id: "9007199254740993", segment: victim.slug, tenantId: victim.tenantId, shop: victim.shop }));
      expect(res.status, `${route.path}`).toBeLessThan(500);
    }
    expect(await victimState(victim.tenantId)).toBe(before);
  });
});
