import { describe, expect, it } from "vitest";
import type { ProductSyncResponse, StartPushResponse } from "../../../../worker/routes/admin/product-sync.ts";
import { adminTenant } from "../../../helpers/admin-tenant.ts";
import { queuedPushJob, settledMetafieldPush } from "../../../helpers/catalog-shop.ts";
import { adminFetch, adminJson } from "../../../helpers/harness.ts";

const put = (body: unknown) => ({ method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

describe("/admin/api/product-sync", () => {
  it("answers the switches, the schedule and no push before the first, and keeps a switch changed alone", async () => {
    const tenant = await adminTenant();
    expect(await adminJson<ProductSyncResponse>(tenant.shop, "/product-sync")).toEqual({
      settings: { inbound: true, outbound: false },
      push: { current: null, last: null, schedule: "0 3 * * *" },
    });
    expect(await adminJson(tenant.shop, "/product-sync", put({ outbound: true }))).toEqual({ inbound: true, outbound: true });
    expect(await adminJson(tenant.shop, "/product-sync", put({ inbound: false }))).toEqual({ inbound: false, outbound: true });
    expect((await adminJson<ProductSyncResponse>(tenant.shop, "/product-sync")).settings).toEqual({ inbound: false, outbound: true });
  });

  it("starts a push now and shows it as the last run once finished", async () => {
    const tenant = await adminTenant();
    const res = await adminFetch(tenant.shop, "/product-sync/push", { method: "POST" });
    expect(res.status).toBe(202);
    const started = (await res.json()) as StartPushResponse;
    expect(started).toMatchObject({ started: true, job: { status: "queued", reason: "manual", finishedAt: null } });
    const last = await settledMetafieldPush(tenant.shop);
    expect(last).toMatchObject({ id: started.job.id, status: "succeeded", total: 0, productsWritten: 0, errors: 0, errorSamples: [] });
    expect(Date.parse(last.finishedAt!)).toBeGreaterThanOrEqual(Date.parse(last.startedAt!));
  });

  it("joins the push already queued instead of starting another", async () => {
    const tenant = await adminTenant();
    const open = await queuedPushJob(tenant.tenantId);
    const answer = await adminJson<StartPushResponse>(tenant.shop, "/product-sync/push", { method: "POST" });
    expect(answer).toMatchObject({ started: false, job: { id: open, status: "queued" } });
    expect((await adminJson<ProductSyncResponse>(tenant.shop, "/product-sync")).push.current).toMatchObject({ id: open });
  });
});
