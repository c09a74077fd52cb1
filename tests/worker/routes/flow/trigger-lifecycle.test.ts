import { describe, expect, it } from "vitest";
import { requestAiScoreDropped } from "../../../../worker/services/flow/request-ai-score-dropped.ts";
import { createSegment } from "../../../../worker/services/segments/create-segment.ts";
import { findSegment } from "../../../../worker/services/segments/find-segment.ts";
import { recomputeSegment } from "../../../../worker/services/segments/recompute-segment.ts";
import { flowPost, lifecycleBody } from "../../../helpers/flow-requests.ts";
import { appFetch, sim } from "../../../helpers/harness.ts";
import { waitFor } from "../../../helpers/wait-for.ts";
import { installEmptyShop, seedShopCustomers } from "../../../helpers/segment-shop.ts";
import { seedTenant } from "../../../helpers/seed-tenant.ts";
import { updateProfile } from "../../../helpers/seed-profiles.ts";
import { tenantContextOf } from "../../../helpers/service-context.ts";
import { tenantDb } from "../../../helpers/tenant-db.ts";

const trigger = async (tenantId: string, handle: string) =>
  (await tenantDb(tenantId)).prepare("SELECT enabled, lifecycle_at FROM flow_triggers WHERE tenant_id = ? AND handle = ?").bind(tenantId, handle).first<{ enabled: number; lifecycle_at: number }>();

describe("POST /flow/triggers/lifecycle", () => {
  it("answers 401 when the HMAC is invalid, and stores nothing", async () => {
    const tenant = await seedTenant();
    const res = await flowPost("/triggers/lifecycle", lifecycleBody(tenant.shop, "segops-segment-entered", true), { hmac: "bm90IHRoZSBobWFj" });
    expect(res.status).toBe(401);
    expect((await res.json()) as unknown).toMatchObject({ error: { code: "invalid_hmac" } });
    expect(await trigger(tenant.tenantId, "segops-segment-entered")).toBeNull();
  });

  it("answers 401 without a signature and 405 on other methods", async () => {
    const tenant = await seedTenant();
    const res = await appFetch("/flow/triggers/lifecycle", { method: "POST", body: JSON.stringify(lifecycleBody(tenant.shop, "segops-segment-left", true)) });
    expect(res.status).toBe(401);
    expect((await appFetch("/flow/triggers/lifecycle")).status).toBe(405);
  });

  it("records enabled and disabled workflows, the newest timestamp winning over a late older callback", async () => {
    const tenant = await seedTenant();
    const at = (minutes: number) => new Date(Date.UTC(2026, 10, 1, 12, minutes)).toISOString();
    const enabled = await flowPost("/triggers/lifecycle", lifecycleBody(tenant.shop, "segops-segment-entered", true, at(10)));
    expect(enabled.status).toBe(200);
    expect(await enabled.json()).toEqual({ handle: "segops-segment-entered", enabled: true, applied: true });
    const disabled = await flowPost("/triggers/lifecycle", lifecycleBody(tenant.shop, "Customer entered SegOps segment", false, at(20)));
    expect(await disabled.json()).toEqual({ handle: "segops-segment-entered", enabled: false, applied: true });
    const late = await flowPost("/triggers/lifecycle", lifecycleBody(tenant.shop, "segops-segment-entered", true, at(15)));
    expect(await late.json()).toEqual({ handle: "segops-segment-entered", enabled: true, applied: false });
    expect(await trigger(tenant.tenantId, "segops-segment-entered")).toEqual({ enabled: 0, lifecycle_at: Date.parse(at(20)) });
  });

  it("answers 404 for a trigger or shop SegOps does not know", async () => {
    const tenant = await seedTenant();
    expect((await flowPost("/triggers/lifecycle", lifecycleBody(tenant.shop, "someone-elses-trigger", true))).status).toBe(404);
    expect((await flowPost("/triggers/lifecycle", lifecycleBody(tenant.shop, "constructor", true))).status).toBe(404);
    expect((await flowPost("/triggers/lifecycle", lifecycleBody("nobody.myshopify.com", "segops-segment-left", true))).status).toBe(404);
  });
});

describe("membership triggers", () => {
  it("fires nothing while no workflow is enabled, then fires entered and left for each changed member once one is", async () => {
    const installed = await installEmptyShop();
    const { profileIds, customerIds } = await seedShopCustomers(installed, 3, ["vip"]);
    const ctx = await tenantContextOf(installed.tenantId);
    await createSegment({ ctx, input: { name: "VIP", kind: "customer", query: 'tags contains "vip"', pushMode: "none" } });
    const recompute = async () => {
      const outcome = await recomputeSegment({ ctx, input: { segment: (await findSegment({ ctx, input: { slug: "vip" } }))! } });
      if (!outcome.ok) throw new Error(outcome.error.message);
      return outcome.value;
    };

    await updateProfile(installed.tenantId, profileIds[0]!, { tags: [] });
    // Triggers are queued by the recompute itself, in order: one queued here would be among the first two fired below.
    expect(await recompute()).toMatchObject({ left: 1 });
    expect((await sim().state(installed.shop)).flowTriggers).toEqual([]);

    await flowPost("/triggers/lifecycle", lifecycleBody(installed.shop, "segops-segment-entered", true));
    await flowPost("/triggers/lifecycle", lifecycleBody(installed.shop, "segops-segment-left", true));
    await updateProfile(installed.tenantId, profileIds[0]!, { tags: ["vip"] });
    await updateProfile(installed.tenantId, profileIds[1]!, { tags: [] });
    expect(await recompute()).toMatchObject({ entered: 1, left: 1 });
    const fired = await waitFor(async () => {
      const triggers = (await sim().state(installed.shop)).flowTriggers;
      return triggers.length >= 2 ? triggers : null;
    }, { what: "two Flow triggers" });
    const payload = (customerId: string) => ({ customer_id: Number(customerId), "segment name": "VIP", "segment slug": "vip" });
    expect(fired.map(({ handle, payload: body }) => ({ handle, body })).sort((a, b) => a.handle.localeCompare(b.handle))).toEqual([
      { handle: "segops-segment-entered", body: payload(customerIds[0]!) },
      { handle: "segops-segment-left", body: payload(customerIds[1]!) },
    ]);
  });
});

describe("product AI score dropped", () => {
  it("fires only for a drop, and only while a workflow uses the trigger", async () => {
    const installed = await installEmptyShop();
    const ctx = await tenantContextOf(installed.tenantId);
    const change = { shopifyProductId: "8123456789", title: "Linen shirt", previousScore: 72, score: 41 };
    expect(await requestAiScoreDropped({ ctx, input: change })).toBe(false);
    await flowPost("/triggers/lifecycle", lifecycleBody(installed.shop, "segops-ai-score-dropped", true));
    expect(await requestAiScoreDropped({ ctx, input: { ...change, score: 80 } })).toBe(false);
    expect(await requestAiScoreDropped({ ctx, input: change })).toBe(true);
    const [fired] = await waitFor(async () => {
      const triggers = (await sim().state(installed.shop)).flowTriggers;
      return triggers.length > 0 ? triggers : null;
    }, { what: "the AI score trigger" });
    expect(fired).toMatchObject({
      handle: "segops-ai-score-dropped",
      payload: { product_id: 8123456789, "product title": "Linen shirt", "previous score": 72, score: 41 },
    });
  });
});
