import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { ErrorBody } from "../../../../worker/errors.ts";
import type { ExportLinkResponse } from "../../../../worker/routes/admin/privacy.ts";
import { adminTenant } from "../../../helpers/admin-tenant.ts";
import { adminFetch, adminJson, appFetch, sim as simulator } from "../../../helpers/harness.ts";
import { ingestCustomer, sendCompliance, testPerson, waitForCompleted } from "../../../helpers/privacy.ts";

const put = (body: unknown) => ({ method: "PUT", headers: { "Content-Type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) });

async function expectError(res: Response, status: number, code: string): Promise<ErrorBody["error"]> {
  expect(res.status).toBe(status);
  const body = (await res.json()) as ErrorBody;
  expect(body.error).toMatchObject({ code, message: expect.any(String), requestId: expect.any(String) });
  return body.error;
}

describe("/admin/api/privacy (errors)", () => {
  it.each([
    ["below 30 days", { eventRetentionDays: 29 }],
    ["above ten years", { eventRetentionDays: 3651 }],
    ["a fraction", { eventRetentionDays: 90.5 }],
    ["a string", { eventRetentionDays: "90" }],
    ["missing", {}],
  ])("answers 400 validation_failed when the retention is %s, and keeps the setting", async (_case, body) => {
    const tenant = await adminTenant();
    const error = await expectError(await adminFetch(tenant.shop, "/privacy/settings", put(body)), 400, "validation_failed");
    expect(error.message).toContain("eventRetentionDays");
    expect(await adminJson<{ eventRetentionDays: number }>(tenant.shop, "/privacy/settings")).toMatchObject({ eventRetentionDays: 400 });
  });

  it.each([
    ["below 7 days", { hotWindowDays: 6 }],
    ["above ten years", { hotWindowDays: 3651 }],
    ["a fraction", { hotWindowDays: 30.5 }],
    ["a string", { hotWindowDays: "90" }],
  ])("answers 400 validation_failed when the hot window is %s, and keeps the setting", async (_case, body) => {
    const tenant = await adminTenant();
    const error = await expectError(await adminFetch(tenant.shop, "/privacy/settings", put(body)), 400, "validation_failed");
    expect(error.message).toContain("hotWindowDays");
    expect(await adminJson<{ hotWindowDays: number }>(tenant.shop, "/privacy/settings")).toMatchObject({ hotWindowDays: 90 });
  });

  it("answers 400 invalid_json to a body that is not JSON", async () => {
    const tenant = await adminTenant();
    await expectError(await adminFetch(tenant.shop, "/privacy/settings", put("{retention")), 400, "invalid_json");
  });

  it("answers 400 to a cursor it never handed out and to a limit out of range", async () => {
    const tenant = await adminTenant();
    await expectError(await adminFetch(tenant.shop, "/privacy/requests?cursor=nope"), 400, "validation_failed");
    await expectError(await adminFetch(tenant.shop, "/privacy/requests?limit=0"), 400, "validation_failed");
  });

  it("answers 404 for an unknown request, and for a redact request, which has no export", async () => {
    const sim = simulator();
    const tenant = await adminTenant();
    await expectError(await adminFetch(tenant.shop, "/privacy/requests/prv_nope/export-link", { method: "POST" }), 404, "not_found");
    await expectError(await adminFetch(tenant.shop, "/privacy/requests/not-an-id/export-link", { method: "POST" }), 400, "validation_failed");
    const customerId = await ingestCustomer(sim, tenant.shop, testPerson("Gone"));
    const { requestId } = await sendCompliance(sim, tenant.shop, "customers/redact", customerId);
    await waitForCompleted(requestId);
    await expectError(await adminFetch(tenant.shop, `/privacy/requests/${requestId}/export-link`, { method: "POST" }), 404, "not_found");
  });

  it("answers 410 gone once the export was deleted, to a new link and to a link minted before", async () => {
    const sim = simulator();
    const tenant = await adminTenant();
    const customerId = await ingestCustomer(sim, tenant.shop, testPerson("Expired"));
    const { requestId } = await sendCompliance(sim, tenant.shop, "customers/data_request", customerId);
    await waitForCompleted(requestId);
    const link = await adminJson<ExportLinkResponse>(tenant.shop, `/privacy/requests/${requestId}/export-link`, { method: "POST" });
    await env.DB.prepare("update privacy_requests set export = json_set(export, '$.deletedAt', 1) where tenant_id = ? and id = ?").bind(tenant.tenantId, requestId).run();
    await expectError(await adminFetch(tenant.shop, `/privacy/requests/${requestId}/export-link`, { method: "POST" }), 410, "gone");
    const url = new URL(link.url);
    await expectError(await appFetch(url.pathname + url.search), 410, "gone");
  });

  it("answers 400 to a download without its signature or expiry, and 405 to another method", async () => {
    await expectError(await appFetch("/privacy/exports/prv_x"), 400, "validation_failed");
    await expectError(await appFetch("/privacy/exports/prv_x?expires=soon&signature=x"), 400, "validation_failed");
    const res = await appFetch("/privacy/exports/prv_x?expires=1&signature=x", { method: "POST" });
    await expectError(res, 405, "method_not_allowed");
    expect(res.headers.get("Allow")).toBe("GET");
  });
});
