import { describe, expect, it } from "vitest";
import { apiFetch } from "../../../helpers/api-fetch.ts";
import { sim } from "../../../helpers/harness.ts";
import { waitFor } from "../../../helpers/wait-for.ts";
import { createSegmentVia, installEmptyShop, seedShopCustomers, settledPush } from "../../../helpers/segment-shop.ts";
import { sendDelivery } from "../../../helpers/webhook-requests.ts";
import { tenantDb } from "../../../helpers/tenant-db.ts";

describe("tag push and our own webhooks", () => {
  it("does not loop: the customers/update webhooks our tags cause change no membership and push nothing", async () => {
    const installed = await installEmptyShop({ settings: { emitAppCausedWebhooks: true } });
    await sim().outbox(installed.shop);
    const { profileIds } = await seedShopCustomers(installed, 3, ["vip"]);
    await createSegmentVia(installed, { name: "VIP", kind: "customer", query: 'tags contains "vip"', pushMode: "tags" });
    const pushed = await settledPush(installed, "vip");
    expect(pushed).toMatchObject({ status: "succeeded", added: 3 });

    const caused = await waitFor(async () => {
      const deliveries = await sim().outbox(installed.shop, { drain: false });
      return deliveries.filter((d) => d.topic === "customers/update").length >= 3 ? deliveries : null;
    }, { what: "the app-caused customers/update webhooks" });
    for (const delivery of await sim().outbox(installed.shop)) expect((await sendDelivery(delivery)).status).toBe(200);
    expect(caused.filter((d) => d.topic === "customers/update")).toHaveLength(3);

    await waitFor(async () => {
      const { results } = await (await tenantDb(installed.tenantId)).prepare("SELECT tags FROM profiles WHERE tenant_id = ? AND id IN (?, ?, ?)")
        .bind(installed.tenantId, ...profileIds)
        .all<{ tags: string }>();
      return results.every((row) => (JSON.parse(row.tags) as string[]).includes("segops:vip"));
    }, { what: "the webhooks to reach the profiles" });

    const recompute = await apiFetch(installed.serverKey, "/segments/vip/recompute", { method: "POST" });
    expect(await recompute.json()).toMatchObject({ size: 3, entered: 0, left: 0 });
    expect((await apiFetch(installed.serverKey, "/segments/vip/push", { method: "POST" })).status).toBe(202);
    expect(await settledPush(installed, "vip", Date.parse(pushed.at))).toMatchObject({ status: "succeeded", added: 0, removed: 0 });
    const calls = (await sim().state(installed.shop)).graphqlCalls;
    expect(calls.tagsAdd).toBe(3);
    expect(calls.tagsRemove).toBeUndefined();
    expect((await sim().outbox(installed.shop, { drain: false })).filter((d) => d.topic === "customers/update")).toEqual([]);
  });
});
