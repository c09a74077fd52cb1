import { describe, expect, it } from "vitest";
import type { ErrorBody } from "../../../../worker/errors.ts";
import type { ProductSyncResponse } from "../../../../worker/routes/admin/product-sync.ts";
import { adminTenant } from "../../../helpers/admin-tenant.ts";
import { adminFetch, adminJson } from "../../../helpers/harness.ts";

const put = (body: string) => ({ method: "PUT", headers: { "Content-Type": "application/json" }, body });

describe("/admin/api/product-sync (errors)", () => {
  it.each([
    ["a switch that is not a boolean", JSON.stringify({ inbound: "yes" }), "validation_failed"],
    ["an unknown field", JSON.stringify({ inbound: true, schedule: "hourly" }), "validation_failed"],
    ["a body that is not JSON", "{ inbound", "invalid_json"],
  ])("answers 400 for %s and keeps the switches", async (_case, body, code) => {
    const tenant = await adminTenant();
    const res = await adminFetch(tenant.shop, "/product-sync", put(body));
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as ErrorBody;
    expect(error.code).toBe(code);
    expect(error.requestId).toBeTruthy();
    expect((await adminJson<ProductSyncResponse>(tenant.shop, "/product-sync")).settings).toEqual({ inbound: true, outbound: false });
  });
});
