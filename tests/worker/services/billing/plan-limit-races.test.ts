import { describe, expect, it } from "vitest";
import { adminTenant } from "../../../helpers/admin-tenant.ts";
import { apiFetch } from "../../../helpers/api-fetch.ts";
import { insertActiveRules, jsonInit, segmentPushing } from "../../../helpers/discount-rules.ts";
import { adminFetch } from "../../../helpers/harness.ts";
import { installEmptyShop } from "../../../helpers/segment-shop.ts";
import { seedTenant } from "../../../helpers/seed-tenant.ts";
import { tenantDb } from "../../../helpers/tenant-db.ts";

// Creates fired together at a Starter workspace: the plan's limit is counted in the statement that writes, so exactly
// the limit is stored and every other create answers 402 plan_limit, never a 5xx.
const N = 8;
const segment = (name: string) => ({ name, kind: "customer", query: "orders_count >= 1" });
const count = async (table: string, tenantId: string, where = "1 = 1") =>
  (await (await tenantDb(tenantId)).prepare(`select count(*) as n from ${table} where tenant_id = ? and ${where}`).bind(tenantId).first<{ n: number }>())!.n;
const statuses = (responses: Response[]) => responses.map((res) => res.status).toSorted();
const expected = (created: number, total: number) => [...Array(created).fill(201), ...Array(total - created).fill(402)];
const allAt = <T>(n: number, make: (i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => make(i)));

async function codes(responses: Response[]): Promise<string[]> {
  const refused = responses.filter((res) => res.status === 402);
  return Promise.all(refused.map(async (res) => ((await res.json()) as { error: { code: string } }).error.code));
}

describe("concurrent creates at a plan's limit", () => {
  it("/v1/segments stores exactly the plan's 3 segments", async () => {
    const tenant = await seedTenant({ plan: "starter" });
    const responses = await allAt(N, (i) => apiFetch(tenant.serverKey, "/segments", { method: "POST", body: segment(`Race ${i}`) }));
    expect(statuses(responses)).toEqual(expected(3, N));
    expect(new Set(await codes(responses))).toEqual(new Set(["plan_limit"]));
    expect(await count("segments", tenant.tenantId, "deleted_at is null")).toBe(3);
  });

  it("/admin/api/segments and accepted suggestions share the same 3 places", async () => {
    const tenant = await adminTenant({ plan: "starter" });
    const creates = allAt(N, (i) => adminFetch(tenant.shop, "/segments", jsonInit("POST", segment(`Race ${i}`))));
    const keys = ["high-value-repeat-buyers", "lapsed-customers", "recent-cart-abandoners"];
    const accepts = Promise.all(keys.map((key) => adminFetch(tenant.shop, "/segments/suggestions/accept", jsonInit("POST", { key }))));
    const responses = [...(await creates), ...(await accepts)];
    expect(statuses(responses)).toEqual(expected(3, N + keys.length));
    expect(new Set(await codes(responses))).toEqual(new Set(["plan_limit"]));
    expect(await count("segments", tenant.tenantId, "deleted_at is null")).toBe(3);
  });

  it("/admin/api/landing-pages stores exactly the plan's 1 storefront surface", async () => {
    const tenant = await adminTenant({ plan: "starter" });
    const responses = await allAt(N, (i) => adminFetch(tenant.shop, "/landing-pages", jsonInit("POST", { slug: `race-${i}`, title: `Race ${i}` })));
    expect(statuses(responses)).toEqual(expected(1, N));
    expect(new Set(await codes(responses))).toEqual(new Set(["plan_limit"]));
    expect(await count("landing_pages", tenant.tenantId)).toBe(1);
  });

  it("/admin/api/discounts keeps the plan's 1 active rule, created or resumed", async () => {
    const tenant = await installEmptyShop({}, { plan: "starter" });
    const segmentId = await segmentPushing(tenant, "vip", "tags");
    const rule = (i: number) => ({ title: `Race ${i}`, segment: "vip", valueType: "percentage", value: "10", target: "order" });
    const responses = await allAt(4, (i) => adminFetch(tenant.shop, "/discounts", jsonInit("POST", rule(i))));
    expect(statuses(responses)).toEqual(expected(1, 4));
    expect(await count("discount_rules", tenant.tenantId, "status = 'active'")).toBe(1);

    // Paused rules resumed together: none fits while the created one is active.
    const paused = await insertActiveRules(tenant.tenantId, segmentId, 3);
    const db = await tenantDb(tenant.tenantId);
    await db.prepare("update discount_rules set status = 'inactive' where tenant_id = ? and id in (?, ?, ?)").bind(tenant.tenantId, ...paused).run();
    const created = (await db.prepare("select id from discount_rules where tenant_id = ? and status = 'active'").bind(tenant.tenantId).first<{ id: string }>())!;
    await db.prepare("update discount_rules set status = 'inactive' where tenant_id = ? and id = ?").bind(tenant.tenantId, created.id).run();
    const resumed = await Promise.all(paused.map((id) => adminFetch(tenant.shop, `/discounts/${id}`, jsonInit("PATCH", { status: "active" }))));
    expect(statuses(resumed)).toEqual([200, 402, 402]);
    expect(await count("discount_rules", tenant.tenantId, "status = 'active'")).toBe(1);
  });
});
