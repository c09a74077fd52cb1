import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { forTenant } from "../../../worker/context/deps.ts";
import { forgetTenantShard, TenantDirectoryError, TenantMovingError } from "../../../worker/context/tenant-directory.ts";
import { countingDeps } from "../../helpers/counting-deps.ts";
import { adminTenant } from "../../helpers/admin-tenant.ts";
import { adminFetch } from "../../helpers/harness.ts";
import { seedTenant } from "../../helpers/seed-tenant.ts";
import { serviceDeps } from "../../helpers/service-context.ts";

async function setState(tenantId: string, state: "active" | "frozen"): Promise<void> {
  await env.DB.prepare("update tenant_shards set state = ? where tenant_id = ?").bind(state, tenantId).run();
  forgetTenantShard(tenantId);
}

const put = (body: unknown) => ({ method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

describe("tenant routing", () => {
  it("gives a tenant its directory entry's shard as db/d1 and the control database as control", async () => {
    const { tenantId } = await seedTenant();
    await env.DB.prepare("update tenant_shards set shard = 'SHARD_2' where tenant_id = ?").bind(tenantId).run();
    forgetTenantShard(tenantId);
    const deps = serviceDeps();
    const ctx = await forTenant(deps, tenantId);
    expect(ctx.shard).toBe("SHARD_2");
    expect(ctx.d1).toBe(env.SHARD_2);
    expect(ctx.control.d1).toBe(env.DB);
    expect(ctx.tenantId).toBe(tenantId);
  });

  it("refuses a tenant without a directory entry, and one whose entry names no binding", async () => {
    const { tenantId } = await seedTenant();
    await env.DB.prepare("delete from tenant_shards where tenant_id = ?").bind(tenantId).run();
    forgetTenantShard(tenantId);
    await expect(forTenant(serviceDeps(), tenantId)).rejects.toThrow(TenantDirectoryError);
    await expect(forTenant(serviceDeps(), tenantId)).rejects.toThrow(/no entry in tenant_shards/);

    await env.DB.prepare("insert into tenant_shards (tenant_id, shard, updated_at) values (?, 'SHARD_99', ?)").bind(tenantId, Date.now()).run();
    await expect(forTenant(serviceDeps(), tenantId)).rejects.toThrow(/SHARD_99 is not a D1 binding/);
  });

  it("reads a warm tenant's entry from the isolate cache: one D1 query for twenty contexts, another once forgotten", async () => {
    const { tenantId } = await seedTenant();
    const { counter, deps } = countingDeps();
    forgetTenantShard(tenantId);
    for (let i = 0; i < 20; i++) await forTenant(deps, tenantId);
    expect(counter.statements).toBe(1);
    forgetTenantShard(tenantId);
    await forTenant(deps, tenantId);
    expect(counter.statements).toBe(2);
  });

  it("refuses writes to a frozen tenant with TenantMovingError, serves its reads, and writes again once active", async () => {
    const { tenantId } = await seedTenant();
    await setState(tenantId, "frozen");
    await expect(forTenant(serviceDeps(), tenantId)).rejects.toBeInstanceOf(TenantMovingError);
    const entry = await env.DB.prepare("select shard from tenant_shards where tenant_id = ?").bind(tenantId).first<{ shard: string }>();
    expect((await forTenant(serviceDeps(), tenantId, { access: "read" })).shard).toBe(entry?.shard);
    await setState(tenantId, "active");
    expect((await forTenant(serviceDeps(), tenantId)).shard).toBe(entry?.shard);
  });

  it("answers an admin write to a frozen tenant 409 tenant_moving with Retry-After, and its GET as usual", async () => {
    const tenant = await adminTenant();
    await setState(tenant.tenantId, "frozen");
    const refused = await adminFetch(tenant.shop, "/pixel", put({ trackedEvents: ["page_viewed"], samplingPercent: 50 }));
    expect(refused.status).toBe(409);
    expect(refused.headers.get("Retry-After")).toBe("5");
    expect(await refused.json()).toMatchObject({ error: { code: "tenant_moving", requestId: expect.any(String) } });
    expect((await adminFetch(tenant.shop, "/pixel")).status).toBe(200);

    await setState(tenant.tenantId, "active");
    expect((await adminFetch(tenant.shop, "/pixel", put({ trackedEvents: ["page_viewed"], samplingPercent: 50 }))).status).toBe(200);
  });
});
