import { describe, expect, it } from "vitest";
import type { ExportLinkResponse, ListPrivacyRequestsResponse, PrivacySettingsResponse } from "../../../../worker/routes/admin/privacy.ts";
import { adminTenant } from "../../../helpers/admin-tenant.ts";
import { adminJson, appFetch, sim as simulator } from "../../../helpers/harness.ts";
import { ingestCustomer, sendCompliance, testPerson, waitForCompleted } from "../../../helpers/privacy.ts";
import { tenantDb } from "../../../helpers/tenant-db.ts";

const put = (body: unknown) => ({ method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

describe("/admin/api/privacy (happy)", () => {
  it("lists the shop's requests with received, due, completed and status, and downloads a data request's export through a minted link", async () => {
    const sim = simulator();
    const tenant = await adminTenant();
    const who = testPerson("Export");
    const customerId = await ingestCustomer(sim, tenant.shop, who);
    const { requestId } = await sendCompliance(sim, tenant.shop, "customers/data_request", customerId);
    await waitForCompleted(requestId);

    const listed = await adminJson<ListPrivacyRequestsResponse>(tenant.shop, "/privacy/requests");
    expect(listed.nextCursor).toBeNull();
    expect(listed.data).toEqual([
      {
        id: requestId,
        kind: "customers_data_request",
        customerId,
        status: "completed",
        atRisk: false,
        receivedAt: expect.any(String),
        dueAt: expect.any(String),
        completedAt: expect.any(String),
        export: { state: "ready", bytes: expect.any(Number), expiresAt: expect.any(String) },
      },
    ]);
    const [request] = listed.data;
    expect(Date.parse(request!.dueAt) - Date.parse(request!.receivedAt)).toBe(30 * 24 * 60 * 60 * 1000);

    const link = await adminJson<ExportLinkResponse>(tenant.shop, `/privacy/requests/${requestId}/export-link`, { method: "POST" });
    expect(new URL(link.url).pathname).toBe(`/privacy/exports/${requestId}`);
    expect(Date.parse(link.expiresAt) - Date.now()).toBeLessThanOrEqual(5 * 60 * 1000);
    const download = await appFetch(new URL(link.url).pathname + new URL(link.url).search);
    expect(download.status).toBe(200);
    expect(download.headers.get("Content-Disposition")).toBe(`attachment; filename="segops-customer-export-${requestId}.json"`);
    expect(download.headers.get("Cache-Control")).toBe("no-store");
    const exported = (await download.json()) as Record<string, unknown[]> & { format: string };
    expect(exported.format).toBe("segops-customer-export/v1");
    expect(exported.profiles).toEqual([expect.objectContaining({ shopifyCustomerId: customerId, email: who.email, firstName: who.firstName, phone: who.phone })]);
    expect(exported.identities).toEqual([expect.objectContaining({ kind: "email", value: who.email })]);
    expect(exported.events).toEqual([expect.objectContaining({ name: "customer_created" })]);
    expect(Object.keys(exported)).toEqual(
      expect.arrayContaining(["request", "profiles", "identities", "orders", "checkouts", "segmentMemberships", "segmentTags", "events"]),
    );
  });

  it("reads and saves the event retention, 400 days until the merchant changes it", async () => {
    const tenant = await adminTenant();
    const initial = await adminJson<PrivacySettingsResponse>(tenant.shop, "/privacy/settings");
    expect(initial).toEqual({
      eventRetentionDays: 400,
      defaultEventRetentionDays: 400,
      minEventRetentionDays: 30,
      maxEventRetentionDays: 3650,
      hotWindowDays: 90,
      defaultHotWindowDays: 90,
      minHotWindowDays: 7,
      maxHotWindowDays: 3650,
      rawBodyRetentionDays: 30,
      exportRetentionDays: 30,
    });
    expect((await adminJson<PrivacySettingsResponse>(tenant.shop, "/privacy/settings", put({ eventRetentionDays: 90 }))).eventRetentionDays).toBe(90);
    expect((await adminJson<PrivacySettingsResponse>(tenant.shop, "/privacy/settings")).eventRetentionDays).toBe(90);
    const row = await (await tenantDb(tenant.tenantId)).prepare("select event_retention_days, tracked_events from tenant_settings where tenant_id = ?").bind(tenant.tenantId).first();
    expect(row).toMatchObject({ event_retention_days: 90 });
    const hot = await adminJson<PrivacySettingsResponse>(tenant.shop, "/privacy/settings", put({ hotWindowDays: 30 }));
    expect(hot).toMatchObject({ hotWindowDays: 30, eventRetentionDays: 90 });
  });

  it("pages requests newest first", async () => {
    const sim = simulator();
    const tenant = await adminTenant();
    const customerId = await ingestCustomer(sim, tenant.shop, testPerson("Pages"));
    const first = await sendCompliance(sim, tenant.shop, "customers/data_request", customerId);
    const second = await sendCompliance(sim, tenant.shop, "customers/data_request", customerId);
    const page = await adminJson<ListPrivacyRequestsResponse>(tenant.shop, "/privacy/requests?limit=1");
    expect(page.data.map((request) => request.id)).toEqual([second.requestId]);
    const next = await adminJson<ListPrivacyRequestsResponse>(tenant.shop, `/privacy/requests?limit=1&cursor=${page.nextCursor}`);
    expect(next.data.map((request) => request.id)).toEqual([first.requestId]);
    expect(next.nextCursor).toBeNull();
  });
});
