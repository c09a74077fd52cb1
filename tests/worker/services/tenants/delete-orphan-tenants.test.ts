import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { deleteOrphanTenants, ORPHAN_GRACE_MS } from "../../../../worker/services/tenants/delete-orphan-tenants.ts";
import { adminFetch, createSimShop, installShop, sim } from "../../../helpers/harness.ts";
import { seedTenant } from "../../../helpers/seed-tenant.ts";
import { serviceDeps } from "../../../helpers/service-context.ts";
import { tenantDb } from "../../../helpers/tenant-db.ts";

const tenantOf = (shop: string) => env.DB.prepare("SELECT id, status, installed_at AS installedAt FROM tenants WHERE shop_domain = ?").bind(shop).first<{ id: string; status: string; installedAt: number | null }>();

/** A first admin load whose token exchange Shopify refuses (the app is no longer installed there): a row and nothing else. */
async function failedExchange(): Promise<string> {
  const shop = await createSimShop();
  await sim().uninstall(shop);
  const res = await adminFetch(shop, "/bootstrap");
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(res.status).toBeLessThan(500);
  expect(await tenantOf(shop)).toMatchObject({ status: "installing", installedAt: null });
  return shop;
}

describe("orphan tenants from failed token exchanges", () => {
  it("deletes the row a failed exchange left, once the grace period is over, and only then", async () => {
    const shop = await failedExchange();
    const deps = serviceDeps();
    expect(await deleteOrphanTenants({ ctx: deps, input: { now: Date.now() } })).toBe(0);
    expect(await tenantOf(shop)).not.toBeNull();
    const { id } = (await tenantOf(shop))!;
    expect(await env.DB.prepare("SELECT shard FROM tenant_shards WHERE tenant_id = ?").bind(id).first()).toMatchObject({ shard: expect.stringMatching(/^SHARD_\d+$/) });
    await deleteOrphanTenants({ ctx: deps, input: { now: Date.now() + ORPHAN_GRACE_MS + 60_000 } });
    expect(await tenantOf(shop)).toBeNull();
    expect(await env.DB.prepare("SELECT shard FROM tenant_shards WHERE tenant_id = ?").bind(id).first()).toBeNull();
  });

  it("keeps a never-installed row whose shard holds data of it", async () => {
    const shop = await failedExchange();
    const { id } = (await tenantOf(shop))!;
    const now = Date.now();
    await (await tenantDb(id))
      .prepare("INSERT INTO profiles (id, tenant_id, shopify_customer_id, tags, created_at, updated_at) VALUES (?, ?, ?, '[]', ?, ?)")
      .bind(`prf_orphan_${crypto.randomUUID().slice(0, 8)}`, id, "42", now, now)
      .run();
    await deleteOrphanTenants({ ctx: serviceDeps(), input: { now: now + ORPHAN_GRACE_MS + 60_000 } });
    expect(await tenantOf(shop)).not.toBeNull();
  });

  it("never touches real tenants: installed, still installing with keys, or uninstalled", async () => {
    const installed = await installShop();
    const installing = await seedTenant({ status: "installing" });
    await env.DB.prepare("UPDATE tenants SET installed_at = NULL WHERE id = ?").bind(installing.tenantId).run();
    const gone = await seedTenant({ status: "uninstalled" });
    await deleteOrphanTenants({ ctx: serviceDeps(), input: { now: Date.now() + 365 * ORPHAN_GRACE_MS } });
    for (const shop of [installed.shop, installing.shop, gone.shop]) expect(await tenantOf(shop)).not.toBeNull();
  });
});
