import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { apiFetch } from "../../helpers/api-fetch.ts";
import { seedTenant } from "../../helpers/seed-tenant.ts";
import { seedProfiles } from "../../helpers/seed-profiles.ts";

// Every database a tenant's context can point at: the control database and the data shards.
const sessionSpies = () => [env.DB, env.SHARD_1, env.SHARD_2].map((d1) => vi.spyOn(d1, "withSession"));
const sessionsOpened = (spies: ReturnType<typeof sessionSpies>) => spies.flatMap((spy) => spy.mock.calls);

describe("reads that tolerate lag (docs/storage.md, Read replicas)", () => {
  afterEach(() => vi.restoreAllMocks());

  it("lists segments through a first-unconstrained session, and answers the same rows", async () => {
    const tenant = await seedTenant();
    await seedProfiles(tenant.tenantId, [{ tags: ["vip"] }]);
    const created = await apiFetch(tenant.serverKey, "/segments", { method: "POST", body: { name: "vip", kind: "customer", query: 'tags contains "vip"' } });
    expect(created.status, await created.clone().text()).toBe(201);
    const spies = sessionSpies();
    const listed = await apiFetch(tenant.serverKey, "/segments");
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { data: { slug: string; memberCount: number }[] }).data).toMatchObject([{ slug: "vip", memberCount: 1 }]);
    expect(sessionsOpened(spies)).toEqual([["first-unconstrained"]]);
  });

  it("keeps a write and the read after it on the primary: creating a segment opens no session", async () => {
    const tenant = await seedTenant();
    await seedProfiles(tenant.tenantId, [{ tags: ["vip"] }, { tags: ["vip"] }]);
    const spies = sessionSpies();
    const created = await apiFetch(tenant.serverKey, "/segments", { method: "POST", body: { name: "vip", kind: "customer", query: 'tags contains "vip"' } });
    expect(created.status, await created.clone().text()).toBe(201);
    // The member count is read back right after the recompute wrote it: a replica could answer 0.
    expect(((await created.json()) as { memberCount: number }).memberCount).toBe(2);
    expect(sessionsOpened(spies)).toEqual([]);
  });
});
