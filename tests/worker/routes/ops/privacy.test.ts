import { env, } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { OpsPrivacyRequestView } from "../../../../worker/services/privacy/list-privacy-requests.ts";
import { adminTenant } from "../../../helpers/admin-tenant.ts";
import { opsRequest } from "../../../helpers/ops-request.ts";
import { sim as simulator } from "../../../helpers/harness.ts";
import { ingestCustomer, sendCompliance, testPerson, waitForCompleted } from "../../../helpers/privacy.ts";
import { seedTenant } from "../../../helpers/seed-tenant.ts";

type Page = { data: OpsPrivacyRequestView[]; nextCursor: string | null };

const ops = <T = unknown>(path: string, token?: string) => opsRequest<T>("GET", path, token);

describe("GET /ops/privacy", () => {
  it("refuses callers without the operator token, a merchant's server key included", async () => {
    expect((await ops("/privacy", "ops_wrong")).status).toBe(401);
    expect((await ops("/privacy", (await seedTenant()).serverKey)).status).toBe(401);
  });

  it("lists a shop's requests with counts and failures, and still finds them by shop once the shop was erased", async () => {
    const sim = simulator();
    const tenant = await adminTenant();
    const customerId = await ingestCustomer(sim, tenant.shop, testPerson("Ops"));
    const redact = await sendCompliance(sim, tenant.shop, "customers/redact", customerId);
    await waitForCompleted(redact.requestId);
    const listed = await ops<Page>(`/privacy?shop=${tenant.shop}`);
    expect(listed.status).toBe(200);
    expect(listed.body.data).toEqual([
      expect.objectContaining({ id: redact.requestId, kind: "customers_redact", status: "completed", shopDomain: tenant.shop, tenantId: tenant.tenantId, failures: 0, customerId: null }),
    ]);
    expect(listed.body.data[0]!.result).toMatchObject({ profile: 1, identities: 1, events: 1 });

    await env.DB.prepare("update tenants set status = 'uninstalled' where id = ?").bind(tenant.tenantId).run();
    const erase = await sendCompliance(sim, tenant.shop, "shop/redact");
    await waitForCompleted(erase.requestId);
    const after = await ops<Page>(`/privacy?shop=${tenant.shop.toUpperCase()}&status=completed`);
    expect(after.body.data.map((request) => [request.id, request.shopDomain.startsWith("redacted:"), request.tenantId])).toEqual([
      [erase.requestId, true, null],
      [redact.requestId, true, null],
    ]);
    expect((await ops<Page>(`/privacy?shop=${tenant.shop}&status=open`)).body.data).toEqual([]);
  });

  it("answers 400 to an unknown status", async () => {
    expect((await ops("/privacy?status=lost")).status).toBe(400);
  });
});
