import { describe, expect, it } from "vitest";
import { actionBody, flowPost } from "../../../helpers/flow-requests.ts";
import { appFetch, sim } from "../../../helpers/harness.ts";
import { installEmptyShop, seedShopCustomers, shopifyTags } from "../../../helpers/segment-shop.ts";
import { seedTenant } from "../../../helpers/seed-tenant.ts";
import { seedProfiles } from "../../../helpers/seed-profiles.ts";
import { apiFetch } from "../../../helpers/api-fetch.ts";
import { tenantDb } from "../../../helpers/tenant-db.ts";

const sizeRows = async (tenantId: string) =>
  (await tenantDb(tenantId)).prepare("SELECT count(*) AS n FROM segment_sizes WHERE tenant_id = ?").bind(tenantId).first<{ n: number }>().then((row) => row?.n ?? 0);

describe("POST /flow/actions/:handle", () => {
  it("answers 401 when the HMAC is invalid, and runs nothing", async () => {
    const tenant = await seedTenant();
    const body = actionBody(tenant.shop, "segops-recompute-segment", { segment: "vip" });
    const res = await flowPost("/actions/segops-recompute-segment", body, { hmac: "AAAA" });
    expect(res.status).toBe(401);
    const tampered = await appFetch("/flow/actions/segops-recompute-segment", {
      method: "POST",
      headers: { "X-Shopify-Hmac-Sha256": "c2lnbmVkIHNvbWV0aGluZyBlbHNlIGVudGlyZWx5IQ==" },
      body: JSON.stringify(body),
    });
    expect(tampered.status).toBe(401);
    expect(await (await tenantDb(tenant.tenantId)).prepare("SELECT count(*) AS n FROM flow_action_runs WHERE action_run_id = ?").bind(body.action_run_id).first()).toEqual({ n: 0 });
  });

  it("recomputes a segment once per action_run_id: a redelivery gets the same answer and changes nothing", async () => {
    const tenant = await seedTenant();
    await seedProfiles(tenant.tenantId, [{ ordersCount: 2 }, { ordersCount: 0 }]);
    await apiFetch(tenant.serverKey, "/segments", { method: "POST", body: { name: "Repeat", kind: "customer", query: "orders_count >= 2" } });
    const body = actionBody(tenant.shop, "segops-recompute-segment", { segment: "repeat" });
    const first = await flowPost("/actions/segops-recompute-segment", body);
    expect(first.status).toBe(200);
    const answer = await first.json();
    expect(answer).toMatchObject({ segment: "repeat", size: 1, entered: 0, left: 0 });
    const rows = await sizeRows(tenant.tenantId);
    await seedProfiles(tenant.tenantId, [{ ordersCount: 5 }]);

    const again = await flowPost("/actions/segops-recompute-segment", body);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(answer);
    expect(await sizeRows(tenant.tenantId)).toBe(rows);

    const another = await flowPost("/actions/segops-recompute-segment", actionBody(tenant.shop, "segops-recompute-segment", { segment: "Repeat" }));
    expect(await another.json()).toMatchObject({ segment: "repeat", size: 2, entered: 1 });
  });

  it("answers 404 with a message Flow shows for an unknown segment, and again on redelivery", async () => {
    const tenant = await seedTenant();
    const body = actionBody(tenant.shop, "segops-recompute-segment", { segment: "missing" });
    const res = await flowPost("/actions/segops-recompute-segment", body);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { message: "SegOps has no segment missing." } });
    expect((await flowPost("/actions/segops-recompute-segment", body)).status).toBe(404);
  });

  it("answers 404 for an unknown action or shop", async () => {
    const tenant = await seedTenant();
    expect((await flowPost("/actions/segops-nope", actionBody(tenant.shop, "segops-nope", {}))).status).toBe(404);
    expect((await flowPost("/actions/constructor", actionBody(tenant.shop, "constructor", {}))).status).toBe(404);
    expect((await flowPost("/actions/segops-tag-customer", actionBody("nobody.myshopify.com", "segops-tag-customer", {}))).status).toBe(404);
  });

  it("tags a customer in Shopify once per action_run_id, and leaves segops: tags to segment pushes", async () => {
    const installed = await installEmptyShop();
    const { customerIds } = await seedShopCustomers(installed, 1, []);
    const customerId = customerIds[0]!;
    const body = actionBody(installed.shop, "segops-tag-customer", { customer_id: Number(customerId), tag: "flow-vip" });
    const first = await flowPost("/actions/segops-tag-customer", body);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ customerId, tag: "flow-vip" });
    expect((await flowPost("/actions/segops-tag-customer", body)).status).toBe(200);
    expect((await shopifyTags(installed.shop))[customerId]).toEqual(["flow-vip"]);
    expect((await sim().state(installed.shop)).graphqlCalls.tagsAdd).toBe(1);

    const reserved = await flowPost("/actions/segops-tag-customer", actionBody(installed.shop, "segops-tag-customer", { customer_id: customerId, tag: "segops:vip" }));
    expect(reserved.status).toBe(400);
  });
});
