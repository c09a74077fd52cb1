import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { BootstrapResponse } from "../../../../worker/routes/admin/get-bootstrap.ts";
import { adminFetch, adminJson, appFetch, installShop } from "../../../helpers/harness.ts";

describe("tenant isolation", () => {
  it("never lets a session token of shop A revoke or read shop B's keys", async () => {
    const [a, b] = await Promise.all([installShop(), installShop()]);
    const bKeyId = b.bootstrap.keys.public!.id;
    const res = await adminFetch(a.shop, `/keys/${bKeyId}/revoke`, { method: "POST" });
    expect(res.status).toBe(404);
    const bAfter = await adminJson<BootstrapResponse>(b.shop, "/bootstrap");
    expect(bAfter.keys.public?.id).toBe(bKeyId);
    const aView = await adminJson<BootstrapResponse>(a.shop, "/bootstrap");
    expect(aView.tenant.id).toBe(a.tenantId);
    expect(JSON.stringify(aView)).not.toContain(b.tenantId);
  });

  it("scopes a server key to its own tenant, whatever the request says", async () => {
    const [a, b] = await Promise.all([installShop(), installShop()]);
    const res = await appFetch(`/v1/connect-links?tenantId=${b.tenantId}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${a.serverKey}`, "X-Tenant-Id": b.tenantId },
    });
    expect(res.status).toBe(201);
    const link = (await res.json()) as { id: string };
    const row = await env.DB.prepare("select tenant_id from connect_links where id = ?").bind(link.id).first();
    expect(row).toEqual({ tenant_id: a.tenantId });
  });

  it("refuses a revoked server key at once", async () => {
    const a = await installShop();
    await adminFetch(a.shop, `/keys/${a.bootstrap.keys.server!.id}/revoke`, { method: "POST" });
    const res = await appFetch("/v1/connect-links", { method: "POST", headers: { Authorization: `Bearer ${a.serverKey}` } });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("invalid_token");
  });

  it.each([
    ["no Authorization header", undefined],
    ["a public key", "Bearer pk_live_abc"],
    ["an unknown server key", "Bearer sk_live_doesnotexist"],
  ])("answers the public API with 401 for %s", async (_label, authorization) => {
    const res = await appFetch("/v1/connect-links", { method: "POST", headers: authorization ? { Authorization: authorization } : {} });
    expect(res.status).toBe(401);
  });

  it("rotating the server key revokes the old one and shows the new one once", async () => {
    const a = await installShop();
    const rotated = await adminJson<{ key: string }>(a.shop, "/keys/server/rotate", { method: "POST" });
    const old = await appFetch("/v1/connect-links", { method: "POST", headers: { Authorization: `Bearer ${a.serverKey}` } });
    expect(old.status).toBe(401);
    const fresh = await appFetch("/v1/connect-links", { method: "POST", headers: { Authorization: `Bearer ${rotated.key}` } });
    expect(fresh.status).toBe(201);
    const view = await adminJson<BootstrapResponse>(a.shop, "/bootstrap");
    expect(view.keys.server?.revealable).toBe(false);
    expect(JSON.stringify(view)).not.toContain(rotated.key);
  });
});
