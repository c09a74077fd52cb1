import { describe, expect, it } from "vitest";
import type { SegmentDetail } from "../../../../worker/services/segments/get-segment.ts";
import type { SegmentMembersPage } from "../../../../worker/services/segments/list-segment-members.ts";
import type { SegmentView } from "../../../../worker/services/segments/segment-view.ts";
import { apiFetch } from "../../../helpers/api-fetch.ts";
import { seedTenant } from "../../../helpers/seed-tenant.ts";
import { seedEvents, seedProfiles, updateProfile } from "../../../helpers/seed-profiles.ts";

const DAY = 86_400_000;

async function json<T>(res: Response, status = 200): Promise<T> {
  expect(res.status, await res.clone().text()).toBe(status);
  return (await res.json()) as T;
}

describe("/v1/segments", () => {
  it("creates a segment from DSL text, derives its slug and computes its members at once", async () => {
    const tenant = await seedTenant();
    const [us, ca] = await seedProfiles(tenant.tenantId, [
      { country: "US", totalSpent: 250, ordersCount: 2 },
      { country: "CA", totalSpent: 900, ordersCount: 5 },
      { country: "FR", totalSpent: 900, ordersCount: 5 },
      { country: "US", totalSpent: 50, ordersCount: 1 },
    ]);
    await seedEvents(tenant.tenantId, [{ profileId: us!, name: "purchase", occurredAt: Date.now() - 3 * DAY }, { profileId: ca!, name: "purchase", occurredAt: Date.now() - DAY }]);
    const query = 'country in ("US","CA") and total_spent >= 200 and orders_count >= 2 and purchase.count(30d) >= 1';
    const created = await json<SegmentView>(await apiFetch(tenant.serverKey, "/segments", { method: "POST", body: { name: "North America VIPs!", kind: "customer", query } }), 201);
    expect(created).toMatchObject({ slug: "north-america-vips", name: "North America VIPs!", kind: "customer", query, memberCount: 2, pushMode: "none", tag: "segops:north-america-vips" });
    expect(created.translation).toEqual({ translatable: false, rule: "purchase.count(30d) >= 1", reason: expect.stringMatching(/events/) });

    const again = await json<SegmentView>(await apiFetch(tenant.serverKey, "/segments", { method: "POST", body: { name: "North America VIPs", kind: "customer", query } }), 201);
    expect(again.slug).toBe("north-america-vips-2");

    const listed = await json<{ data: SegmentView[]; nextCursor: string | null }>(await apiFetch(tenant.serverKey, "/segments"));
    expect(listed.data.map((segment) => segment.slug)).toEqual(["north-america-vips", "north-america-vips-2"]);
    expect(listed.nextCursor).toBeNull();
    const first = await json<{ data: SegmentView[]; nextCursor: string }>(await apiFetch(tenant.serverKey, "/segments?limit=1"));
    expect(first.data.map((segment) => segment.slug)).toEqual(["north-america-vips"]);
    const second = await json<{ data: SegmentView[]; nextCursor: null }>(await apiFetch(tenant.serverKey, `/segments?limit=1&cursor=${first.nextCursor}`));
    expect(second).toMatchObject({ data: [{ slug: "north-america-vips-2" }], nextCursor: null });

    const page = await json<SegmentMembersPage>(await apiFetch(tenant.serverKey, "/segments/north-america-vips/members"));
    expect(page.count).toBe(2);
    expect(page.data.map((member) => member.id).sort()).toEqual([us, ca].sort());
    expect(page.nextCursor).toBeNull();
  });

  it("accepts the JSON form and stores its canonical text", async () => {
    const tenant = await seedTenant();
    const query = { and: [{ attr: "tags", op: "contains", value: "vip" }, { attr: "orders_count", op: ">=", value: 1 }] };
    const created = await json<SegmentView>(await apiFetch(tenant.serverKey, "/segments", { method: "POST", body: { name: "VIP", kind: "customer", query } }), 201);
    expect(created.query).toBe('tags contains "vip" and orders_count >= 1');
    expect(created.queryJson).toEqual(query);
    expect(created.translation).toEqual({ translatable: true, query: "customer_tags CONTAINS 'vip' AND number_of_orders >= 1" });
  });

  it("recomputes on demand: members who stop matching leave, new ones enter, with times and a size history", async () => {
    const tenant = await seedTenant();
    const [a, b, c] = await seedProfiles(tenant.tenantId, [{ tags: ["vip"] }, { tags: ["vip"] }, { tags: [] }]);
    await json(await apiFetch(tenant.serverKey, "/segments", { method: "POST", body: { name: "vip", kind: "customer", query: 'tags contains "vip"' } }), 201);
    await updateProfile(tenant.tenantId, a!, { tags: [] });
    await updateProfile(tenant.tenantId, c!, { tags: ["VIP"] });
    const recomputed = await json<{ size: number; entered: number; left: number }>(await apiFetch(tenant.serverKey, "/segments/vip/recompute", { method: "POST" }));
    expect(recomputed).toMatchObject({ slug: "vip", size: 2, entered: 1, left: 1 });
    const detail = await json<SegmentDetail>(await apiFetch(tenant.serverKey, "/segments/vip"));
    expect(detail.memberCount).toBe(2);
    expect(detail.sizes.map(({ size, entered, left }) => ({ size, entered, left }))).toEqual([
      { size: 2, entered: 2, left: 0 },
      { size: 2, entered: 1, left: 1 },
    ]);
    const members = await json<SegmentMembersPage>(await apiFetch(tenant.serverKey, "/segments/vip/members"));
    expect(members.data.map((member) => member.id).sort()).toEqual([b, c].sort());
  });

  it("pages members with a cursor, at most `limit` per page", async () => {
    const tenant = await seedTenant();
    const ids = await seedProfiles(tenant.tenantId, Array.from({ length: 7 }, () => ({ ordersCount: 1 })));
    await json(await apiFetch(tenant.serverKey, "/segments", { method: "POST", body: { name: "buyers", kind: "customer", query: "orders_count >= 1" } }), 201);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const path: string = `/segments/buyers/members?limit=3${cursor ? `&cursor=${cursor}` : ""}`;
      const page: SegmentMembersPage = await json<SegmentMembersPage>(await apiFetch(tenant.serverKey, path));
      expect(page.data.length).toBeLessThanOrEqual(3);
      expect(page.count).toBe(7);
      seen.push(...page.data.map((member) => member.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].sort());
  });

  it("renames and redefines a segment without changing its slug, and deletes it", async () => {
    const tenant = await seedTenant();
    await seedProfiles(tenant.tenantId, [{ totalSpent: 100 }, { totalSpent: 300 }]);
    await json(await apiFetch(tenant.serverKey, "/segments", { method: "POST", body: { name: "Spenders", kind: "customer", query: "total_spent >= 50" } }), 201);
    const patched = await json<SegmentView>(
      await apiFetch(tenant.serverKey, "/segments/spenders", { method: "PATCH", body: { name: "Big spenders", query: "total_spent >= 200" } }),
    );
    expect(patched).toMatchObject({ slug: "spenders", name: "Big spenders", query: "total_spent >= 200", memberCount: 1 });
    expect((await apiFetch(tenant.serverKey, "/segments/spenders", { method: "DELETE" })).status).toBe(204);
    expect((await apiFetch(tenant.serverKey, "/segments/spenders")).status).toBe(404);
    const recreated = await json<SegmentView>(await apiFetch(tenant.serverKey, "/segments", { method: "POST", body: { name: "Spenders", kind: "customer", query: "total_spent >= 50" } }), 201);
    expect(recreated.slug).toBe("spenders-2");
  });

  it("computes product segments over products that are not deleted", async () => {
    const tenant = await seedTenant();
    const created = await json<SegmentView>(
      await apiFetch(tenant.serverKey, "/segments", { method: "POST", body: { name: "Hard to read", kind: "product", query: "ai_score < 50" } }),
      201,
    );
    expect(created).toMatchObject({ kind: "product", memberCount: 0, tag: null, translation: { translatable: false, rule: "ai_readability_score < 50" } });
  });
});
