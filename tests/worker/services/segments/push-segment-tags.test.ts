import { describe, expect, it } from "vitest";
import { pushSegment } from "../../../../worker/services/segments/push/push-segment.ts";
import { apiFetch } from "../../../helpers/api-fetch.ts";
import { sim } from "../../../helpers/harness.ts";
import { createSegmentVia, installEmptyShop, segmentTagRows, seedShopCustomers, settledPush, shopifyTags } from "../../../helpers/segment-shop.ts";
import { waitFor } from "../../../helpers/wait-for.ts";
import { updateProfile } from "../../../helpers/seed-profiles.ts";
import { adminContext } from "../../../helpers/service-context.ts";
import { tenantDb } from "../../../helpers/tenant-db.ts";

describe("tag push", () => {
  it("tags members through the queue, then sends only the diff when memberships change", async () => {
    const installed = await installEmptyShop();
    const { profileIds, customerIds } = await seedShopCustomers(installed, 30, ["vip"]);
    const created = await createSegmentVia(installed, { name: "VIP", kind: "customer", query: 'tags contains "vip"', pushMode: "tags" });
    const first = await settledPush(installed, "vip");
    expect(first).toMatchObject({ status: "succeeded", mode: "tags", added: 30, removed: 0, failed: 0 });
    const tags = await shopifyTags(installed.shop, { segops: true });
    expect(customerIds.every((id) => JSON.stringify(tags[id]) === JSON.stringify(["segops:vip"]))).toBe(true);
    expect((await sim().state(installed.shop)).graphqlCalls).toMatchObject({ tagsAdd: 30 });

    for (const id of profileIds.slice(0, 5)) await updateProfile(installed.tenantId, id, { tags: [] });
    const recompute = await apiFetch(installed.serverKey, "/segments/vip/recompute", { method: "POST" });
    expect(await recompute.json()).toMatchObject({ size: 25, entered: 0, left: 5 });
    const second = await settledPush(installed, "vip", Date.parse(first.at));
    expect(second).toMatchObject({ status: "succeeded", added: 0, removed: 5 });
    const calls = (await sim().state(installed.shop)).graphqlCalls;
    expect(calls).toMatchObject({ tagsAdd: 30, tagsRemove: 5 });
    const after = await shopifyTags(installed.shop, { segops: true });
    expect(customerIds.slice(0, 5).every((id) => after[id] === undefined)).toBe(true);
    expect(await segmentTagRows(installed.tenantId, created.id)).toEqual(profileIds.slice(5).sort());

    expect((await apiFetch(installed.serverKey, "/segments/vip/push", { method: "POST" })).status).toBe(202);
    const third = await settledPush(installed, "vip", Date.parse(second.at));
    expect(third).toMatchObject({ status: "succeeded", added: 0, removed: 0 });
    expect((await sim().state(installed.shop)).graphqlCalls).toMatchObject({ tagsAdd: 30, tagsRemove: 5 });
  });

  it("survives Shopify failing mid-push: a retry resends only what was not confirmed, and never duplicates a tag", async () => {
    const installed = await installEmptyShop();
    const { profileIds, customerIds } = await seedShopCustomers(installed, 30, ["vip"]);
    const created = await createSegmentVia(installed, { name: "VIP", kind: "customer", query: 'tags contains "vip"' });
    await (await tenantDb(installed.tenantId)).prepare("UPDATE segments SET push_mode = 'tags' WHERE tenant_id = ? AND id = ?").bind(installed.tenantId, created.id).run();
    const ctx = await adminContext(installed.tenantId);
    const run = (holder: string) => pushSegment({ ctx, input: { segmentId: created.id, holder, now: Date.now(), maxCalls: 1 } });

    expect(await run("m1")).toEqual({ outcome: "continue", totals: { added: 25, removed: 0, failed: 0 } });
    expect(await segmentTagRows(installed.tenantId, created.id)).toHaveLength(25);

    await sim().settings(installed.shop, { failGraphql: { count: 4, status: 503 } });
    expect(await run("m2")).toMatchObject({ outcome: "retry" });
    const confirmed = await segmentTagRows(installed.tenantId, created.id);
    expect(confirmed).toHaveLength(25);

    // Shopify applied these two but the confirmation was lost: the retry sends them again, harmlessly.
    await (await tenantDb(installed.tenantId))
      .prepare("DELETE FROM segment_tags WHERE tenant_id = ? AND segment_id = ? AND profile_id IN (?, ?)")
      .bind(installed.tenantId, created.id, confirmed[0], confirmed[1])
      .run();
    expect(await run("m2")).toEqual({ outcome: "done" });
    expect(await segmentTagRows(installed.tenantId, created.id)).toEqual([...profileIds].sort());
    const tags = await shopifyTags(installed.shop, { segops: true });
    expect(customerIds.map((id) => tags[id])).toEqual(customerIds.map(() => ["segops:vip"]));
    expect((await sim().state(installed.shop)).graphqlCalls.tagsAdd).toBe(32);
  });

  it("takes every tag off when the segment stops pushing tags, and when it is deleted", async () => {
    const installed = await installEmptyShop();
    const { customerIds } = await seedShopCustomers(installed, 3, ["vip"]);
    const created = await createSegmentVia(installed, { name: "VIP", kind: "customer", query: 'tags contains "vip"', pushMode: "tags" });
    const pushed = await settledPush(installed, "vip");
    expect(Object.keys(await shopifyTags(installed.shop, { segops: true })).sort()).toEqual([...customerIds].sort());

    const off = await apiFetch(installed.serverKey, "/segments/vip", { method: "PATCH", body: { pushMode: "none" } });
    expect(off.status).toBe(200);
    expect(await settledPush(installed, "vip", Date.parse(pushed.at))).toMatchObject({ status: "succeeded", mode: "none", removed: 3 });
    expect(await shopifyTags(installed.shop, { segops: true })).toEqual({});
    expect(await segmentTagRows(installed.tenantId, created.id)).toEqual([]);

    await apiFetch(installed.serverKey, "/segments/vip", { method: "PATCH", body: { pushMode: "tags" } });
    await settledPush(installed, "vip", Date.now() - 1);
    expect(Object.keys(await shopifyTags(installed.shop, { segops: true }))).toHaveLength(3);
    expect((await apiFetch(installed.serverKey, "/segments/vip", { method: "DELETE" })).status).toBe(204);
    await waitFor(async () => (await segmentTagRows(installed.tenantId, created.id)).length === 0, { what: "the deleted segment's tags taken off" });
    expect(await shopifyTags(installed.shop, { segops: true })).toEqual({});
  });
});
