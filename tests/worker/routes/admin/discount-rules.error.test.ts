import { describe, expect, it } from "vitest";
import type { ListDiscountRulesResponse } from "../../../../worker/routes/admin/discount-rules.ts";
import { adminTenant } from "../../../helpers/admin-tenant.ts";
import { insertActiveRules, jsonInit, segmentPushing } from "../../../helpers/discount-rules.ts";
import { adminFetch, adminJson, sim } from "../../../helpers/harness.ts";
import { installEmptyShop } from "../../../helpers/segment-shop.ts";
import { simDiscounts } from "../../../helpers/sim-checkout.ts";

const RULE = { title: "VIP", segment: "vip", valueType: "percentage", value: "10", target: "order" };
type ErrorBody = { error: { code: string; message: string; requestId: string; details?: Record<string, unknown> } };

async function post(shop: string, body: unknown) {
  const res = await adminFetch(shop, "/discounts", jsonInit("POST", body));
  return { status: res.status, body: (await res.json()) as ErrorBody };
}

describe("/admin/api/discounts (errors)", () => {
  it.each([
    ["no value", { ...RULE, value: undefined }, "value"],
    ["a percentage over 100", { ...RULE, value: "150" }, "value"],
    ["a zero amount", { ...RULE, valueType: "fixed_amount", value: "0" }, "value"],
    ["three decimals", { ...RULE, value: "1.005" }, "value"],
    ["an unknown segment", { ...RULE, segment: "nobody" }, "segment"],
    ["targets on a whole-order rule", { ...RULE, targetIds: ["1"] }, "targetIds"],
    ["a product rule without products", { ...RULE, target: "products" }, "targetIds"],
    ["a collection id on a product rule", { ...RULE, target: "products", targetIds: ["gid://shopify/Collection/4"] }, "targetIds"],
    ["an end before the start", { ...RULE, startsAt: "2027-01-02T00:00:00Z", endsAt: "2027-01-01T00:00:00Z" }, "endsAt"],
    ["an unknown field", { ...RULE, tenantId: "ten_other" }, "tenantId"],
  ])("refuses %s with 400 naming the field", async (_, body, field) => {
    const tenant = await adminTenant();
    await segmentPushing(tenant, "vip", "tags");
    const res = await post(tenant.shop, body);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: "validation_failed", requestId: expect.any(String) });
    expect(res.body.error.message).toContain(field);
  });

  it("refuses a segment that does not push tags, says why and which push mode it has", async () => {
    const tenant = await adminTenant();
    await segmentPushing(tenant, "vip", "native");
    const res = await post(tenant.shop, RULE);
    expect(res.status).toBe(409);
    expect(res.body.error.details).toEqual({ reason: "segment_not_pushed", segment: "vip", pushMode: "native" });
    expect(res.body.error.message).toMatch(/not pushed as customer tags.*segops:vip/);
    expect((await adminJson<ListDiscountRulesResponse>(tenant.shop, "/discounts")).rules).toEqual([]);
  });

  it("answers 402 plan_limit past the plan's active discounts, before Shopify hears of it; a paused rule is still saved", async () => {
    const tenant = await adminTenant({ plan: "starter" });
    const segmentId = await segmentPushing(tenant, "vip", "tags");
    await insertActiveRules(tenant.tenantId, segmentId, 1);
    const refused = await post(tenant.shop, RULE);
    expect(refused.status).toBe(402);
    expect(refused.body.error).toMatchObject({ code: "plan_limit", requestId: expect.any(String), details: { limit: "discounts", plan: "starter", allowed: 1, used: 1, upgradeTo: "growth" } });
    const paused = await adminFetch(tenant.shop, "/discounts", jsonInit("POST", { ...RULE, status: "paused" }));
    expect(paused.status).toBe(201);
    const { id } = (await paused.json()) as { id: string };
    const resumed = await adminFetch(tenant.shop, `/discounts/${id}`, jsonInit("PATCH", { status: "active" }));
    expect(resumed.status).toBe(402);
    expect((await adminJson<ListDiscountRulesResponse>(tenant.shop, "/discounts")).rules.map((rule) => rule.status).sort()).toEqual(["active", "paused"]);
  });

  it("keeps 25 rules active at most, with a message saying so, while a paused rule is still saved", async () => {
    const tenant = await adminTenant();
    const segmentId = await segmentPushing(tenant, "vip", "tags");
    await insertActiveRules(tenant.tenantId, segmentId, 25);
    const res = await post(tenant.shop, RULE);
    expect(res.status).toBe(409);
    expect(res.body.error.details).toEqual({ reason: "limit_reached", active: 25, maxActive: 25 });
    expect(res.body.error.message).toContain("25 rules are already active");
    expect(res.body.error.message).toContain("Pause or delete one first");
    const paused = await adminFetch(tenant.shop, "/discounts", jsonInit("POST", { ...RULE, status: "paused" }));
    expect(paused.status).toBe(201);
    expect(await adminJson<ListDiscountRulesResponse>(tenant.shop, "/discounts")).toMatchObject({ activeCount: 25, maxActive: 25 });
  });

  it("refuses a rule whose discount's configuration would pass Shopify's 10,000 bytes, naming the field to trim", async () => {
    const tenant = await adminTenant();
    // 50 product ids of 20 digits a rule: about 1,100 bytes each.
    const ids = (n: number) => Array.from({ length: 50 }, (_, i) => `9${String(n).padStart(4, "0")}${String(i).padStart(15, "0")}`);
    await insertActiveRules(tenant.tenantId, await segmentPushing(tenant, "vip", "tags"), 9, { target: "products", ids });
    const res = await post(tenant.shop, { ...RULE, target: "products", targetIds: ids(99) });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^targetIds: .* 10 rules .* Shopify lets a Function read 10000/);
  });

  it("refuses a fifth collection among rules sharing one discount, saying why", async () => {
    const tenant = await adminTenant();
    const segmentId = await segmentPushing(tenant, "vip", "tags");
    await insertActiveRules(tenant.tenantId, segmentId, 2, { target: "collections", ids: (n) => [String(100 + n), String(200 + n)] });
    const res = await post(tenant.shop, { ...RULE, target: "collections", targetIds: ["gid://shopify/Collection/300"] });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain("would target 5 collections; at most 4 fit");
  });

  it("answers 404 for a rule id that does not exist or cannot be one", async () => {
    const tenant = await adminTenant();
    for (const id of ["dsc_0000000000000000000", "nope", "1"]) {
      expect((await adminFetch(tenant.shop, `/discounts/${id}`, jsonInit("PATCH", { title: "x" }))).status).toBe(404);
      expect((await adminFetch(tenant.shop, `/discounts/${id}`, { method: "DELETE" })).status).toBe(404);
    }
  });

  it("saves nothing when Shopify cannot be reached, and says so with 502", async () => {
    const installed = await installEmptyShop();
    await segmentPushing(installed, "vip", "tags");
    await sim().settings(installed.shop, { failGraphql: { count: 50, status: 503 } });
    const res = await post(installed.shop, RULE);
    await sim().settings(installed.shop, { failGraphql: 0 });
    expect(res.status).toBe(502);
    expect(res.body.error.code).toBe("shopify_unavailable");
    expect((await adminJson<ListDiscountRulesResponse>(installed.shop, "/discounts")).rules).toEqual([]);
    expect(await simDiscounts(installed.shop)).toEqual([]);
  });
});
