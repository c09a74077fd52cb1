import { describe, expect, it } from "vitest";
import type { ExportLinkResponse, ListPrivacyRequestsResponse } from "../../../../worker/routes/admin/privacy.ts";
import { mintExportLink } from "../../../../worker/services/privacy/export/export-link.ts";
import { adminTenant } from "../../../helpers/admin-tenant.ts";
import { adminFetch, adminJson, appFetch, sim as simulator } from "../../../helpers/harness.ts";
import { ingestCustomer, sendCompliance, testPerson, waitForCompleted } from "../../../helpers/privacy.ts";
import { tenantContextOf } from "../../../helpers/service-context.ts";

/** Two shops, each with one customer whose data request has been answered. */
async function twoShopsWithExports() {
  const sim = simulator();
  const [a, b] = await Promise.all([adminTenant(), adminTenant()]);
  const requests = [];
  for (const tenant of [a, b]) {
    const customerId = await ingestCustomer(sim, tenant.shop, testPerson("Secure"));
    const { requestId } = await sendCompliance(sim, tenant.shop, "customers/data_request", customerId);
    await waitForCompleted(requestId);
    requests.push(requestId);
  }
  return { a, b, requestA: requests[0]!, requestB: requests[1]! };
}

const download = (url: string) => {
  const parsed = new URL(url);
  return appFetch(parsed.pathname + parsed.search);
};

describe("/admin/api/privacy and /privacy/exports (security)", () => {
  it.each([
    ["GET", "/admin/api/privacy/requests"],
    ["POST", "/admin/api/privacy/requests/prv_x/export-link"],
    ["GET", "/admin/api/privacy/settings"],
    ["PUT", "/admin/api/privacy/settings"],
  ])("answers %s %s without a session token with 401", async (method, path) => {
    expect((await appFetch(path, { method, headers: { "Content-Type": "application/json" }, body: method === "PUT" ? "{}" : undefined })).status).toBe(401);
  });

  it("never lists, links or downloads another shop's requests", async () => {
    const { a, b, requestA, requestB } = await twoShopsWithExports();
    const listed = await adminJson<ListPrivacyRequestsResponse>(a.shop, "/privacy/requests");
    expect(listed.data.map((request) => request.id)).toEqual([requestA]);
    expect((await adminFetch(a.shop, `/privacy/requests/${requestB}/export-link`, { method: "POST" })).status).toBe(404);

    const linkA = await adminJson<ExportLinkResponse>(a.shop, `/privacy/requests/${requestA}/export-link`, { method: "POST" });
    // A's signature moved onto B's request, or A's link under B's id: neither opens B's export.
    const moved = new URL(linkA.url);
    moved.pathname = `/privacy/exports/${requestB}`;
    expect((await download(moved.toString())).status).toBe(403);
    const linkB = await adminJson<ExportLinkResponse>(b.shop, `/privacy/requests/${requestB}/export-link`, { method: "POST" });
    expect(((await (await download(linkB.url)).json()) as { request: { id: string } }).request.id).toBe(requestB);
  });

  it("refuses a tampered signature or expiry (403) and an expired link (410)", async () => {
    const { a, requestA } = await twoShopsWithExports();
    const link = new URL((await adminJson<ExportLinkResponse>(a.shop, `/privacy/requests/${requestA}/export-link`, { method: "POST" })).url);
    const tampered = new URL(link);
    tampered.searchParams.set("signature", `${link.searchParams.get("signature")!.slice(0, -2)}AA`);
    expect((await download(tampered.toString())).status).toBe(403);
    const later = new URL(link);
    later.searchParams.set("expires", String(Number(link.searchParams.get("expires")) + 60_000));
    expect((await download(later.toString())).status).toBe(403);
    const minted = await mintExportLink({ ctx: await tenantContextOf(a.tenantId), input: { requestId: requestA, now: Date.now() - 10 * 60 * 1000 } });
    expect(minted.ok && (await download(minted.value.url)).status).toBe(410);
    expect((await download(link.toString())).status).toBe(200);
  });

  it("keeps the retention of one shop to itself", async () => {
    const [a, b] = await Promise.all([adminTenant(), adminTenant()]);
    await adminJson(a.shop, "/privacy/settings", { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ eventRetentionDays: 60 }) });
    expect((await adminJson<{ eventRetentionDays: number }>(b.shop, "/privacy/settings")).eventRetentionDays).toBe(400);
  });
});
