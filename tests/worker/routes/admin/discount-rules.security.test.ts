import { describe, expect, it } from "vitest";
import type { ListDiscountRulesResponse } from "../../../../worker/routes/admin/discount-rules.ts";
import { adminTenant } from "../../../helpers/admin-tenant.ts";
import { insertActiveRules, jsonInit, segmentPushing } from "../../../helpers/discount-rules.ts";
import { adminFetch, adminJson, appFetch } from "../../../helpers/harness.ts";
import { tenantDb } from "../../../helpers/tenant-db.ts";

describe("/admin/api/discounts (security)", () => {
  it.each([
    ["GET", "/admin/api/discounts"],
    ["POST", "/admin/api/discounts"],
    ["PATCH", "/admin/api/discounts/dsc_0000000000000000000"],
    ["DELETE", "/admin/api/discounts/dsc_0000000000000000000"],
  ])("answers %s %s without a session token with 401", async (method, path) => {
    const res = await appFetch(path, { method, headers: { "Content-Type": "application/json" }, body: method === "GET" || method === "DELETE" ? undefined : "{}" });
    expect(res.status).toBe(401);
  });

  it("keeps each shop's rules to itself: B can neither see, edit, pause nor delete A's rule", async () => {
    const [a, b] = await Promise.all([adminTenant(), adminTenant()]);
    const [ruleId] = await insertActiveRules(a.tenantId, await segmentPushing(a, "vip", "tags"), 1);
    await segmentPushing(b, "vip", "tags");

    expect((await adminJson<ListDiscountRulesResponse>(b.shop, "/discounts")).rules).toEqual([]);
    expect((await adminFetch(b.shop, `/discounts/${ruleId}`, jsonInit("PATCH", { title: "Taken" }))).status).toBe(404);
    expect((await adminFetch(b.shop, `/discounts/${ruleId}`, jsonInit("PATCH", { status: "paused" }))).status).toBe(404);
    expect((await adminFetch(b.shop, `/discounts/${ruleId}`, { method: "DELETE" })).status).toBe(404);

    const row = await (await tenantDb(a.tenantId)).prepare("SELECT tenant_id, title, status FROM discount_rules WHERE id = ?").bind(ruleId).first();
    expect(row).toEqual({ tenant_id: a.tenantId, title: "Rule 0", status: "active" });
    expect((await adminJson<ListDiscountRulesResponse>(a.shop, "/discounts")).rules).toEqual([expect.objectContaining({ id: ruleId, title: "Rule 0" })]);
  });
});
