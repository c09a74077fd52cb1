import { describe, expect, it } from "vitest";
import type { SegmentView } from "../../../../worker/services/segments/segment-view.ts";
import { apiFetch } from "../../../helpers/api-fetch.ts";
import { appFetch } from "../../../helpers/harness.ts";
import { seedTenant } from "../../../helpers/seed-tenant.ts";
import { seedProfiles } from "../../../helpers/seed-profiles.ts";

describe("/v1/segments security", () => {
  it("answers 401 without a server key, with a public key, or with a revoked one", async () => {
    const tenant = await seedTenant();
    expect((await appFetch("/v1/segments")).status).toBe(401);
    expect((await apiFetch(tenant.publicKey, "/segments")).status).toBe(401);
    expect((await apiFetch("sk_not_a_real_key", "/segments", { method: "POST", body: { name: "x", kind: "customer", query: "orders_count >= 1" } })).status).toBe(401);
  });

  it("keeps each workspace's segments and members to itself", async () => {
    const ours = await seedTenant();
    const theirs = await seedTenant();
    await seedProfiles(ours.tenantId, [{ ordersCount: 1 }]);
    await seedProfiles(theirs.tenantId, [{ ordersCount: 1 }, { ordersCount: 3 }]);
    const created = (await (await apiFetch(theirs.serverKey, "/segments", { method: "POST", body: { name: "buyers", kind: "customer", query: "orders_count >= 1" } })).json()) as SegmentView;
    expect(created.memberCount).toBe(2);

    expect(((await (await apiFetch(ours.serverKey, "/segments")).json()) as { data: unknown[] }).data).toEqual([]);
    for (const [method, path] of [
      ["GET", "/segments/buyers"],
      ["GET", "/segments/buyers/members"],
      ["POST", "/segments/buyers/recompute"],
      ["POST", "/segments/buyers/push"],
      ["DELETE", "/segments/buyers"],
    ] as const) {
      expect((await apiFetch(ours.serverKey, path, { method })).status, `${method} ${path}`).toBe(404);
    }
    const mine = (await (await apiFetch(ours.serverKey, "/segments", { method: "POST", body: { name: "buyers", kind: "customer", query: "orders_count >= 1" } })).json()) as SegmentView;
    expect(mine).toMatchObject({ slug: "buyers", memberCount: 1 });
    expect(((await (await apiFetch(theirs.serverKey, "/segments/buyers")).json()) as SegmentView).memberCount).toBe(2);
  });

  it("binds query values instead of splicing them into SQL", async () => {
    const tenant = await seedTenant();
    await seedProfiles(tenant.tenantId, [{ tags: ["x'); DROP TABLE profiles; --"] }]);
    const res = await apiFetch(tenant.serverKey, "/segments", {
      method: "POST",
      body: { name: "hostile", kind: "customer", query: `tags contains "x'); DROP TABLE profiles; --"` },
    });
    expect(((await res.json()) as SegmentView).memberCount).toBe(1);
  });
});
