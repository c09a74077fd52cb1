import { describe, expect, it } from "vitest";
import type { ProductSyncResponse } from "../../../../worker/routes/admin/product-sync.ts";
import { adminTenant } from "../../../helpers/admin-tenant.ts";
import { queuedPushJob } from "../../../helpers/catalog-shop.ts";
import { adminJson, appFetch } from "../../../helpers/harness.ts";

describe("/admin/api/product-sync (security)", () => {
  it.each([
    ["GET", "/product-sync"],
    ["PUT", "/product-sync"],
    ["POST", "/product-sync/push"],
  ])("answers %s %s without a session token with 401", async (method, path) => {
    const res = await appFetch(`/admin/api${path}`, { method, headers: { "Content-Type": "application/json" }, body: method === "GET" ? undefined : "{}" });
    expect(res.status).toBe(401);
  });

  it("keeps each shop's switches and pushes to itself", async () => {
    const [a, b] = await Promise.all([adminTenant(), adminTenant()]);
    const bJob = await queuedPushJob(b.tenantId);
    await adminJson(b.shop, "/product-sync", { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ outbound: true }) });
    const aView = await adminJson<ProductSyncResponse>(a.shop, "/product-sync");
    expect(aView).toMatchObject({ settings: { outbound: false }, push: { current: null, last: null } });
    const started = await adminJson<{ started: boolean; job: { id: string } }>(a.shop, "/product-sync/push", { method: "POST" });
    expect(started.started).toBe(true);
    expect(started.job.id).not.toBe(bJob);
    expect((await adminJson<ProductSyncResponse>(b.shop, "/product-sync")).push.current).toMatchObject({ id: bJob });
  });
});
