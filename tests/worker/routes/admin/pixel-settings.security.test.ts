import { describe, expect, it } from "vitest";
import type { PixelSettingsResponse } from "../../../../worker/routes/admin/pixel-settings.ts";
import { adminTenant } from "../../../helpers/admin-tenant.ts";
import { adminFetch, adminJson, appFetch } from "../../../helpers/harness.ts";
import { insertEvents } from "../../../helpers/insert-events.ts";
import { postPixel } from "../../../helpers/pixel-collector.ts";

const put = (body: unknown) => ({ method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

describe("/admin/api/pixel (security)", () => {
  it.each([
    ["GET", undefined],
    ["PUT", JSON.stringify({ trackedEvents: [], samplingPercent: 0 })],
  ])("answers %s without a session token with 401", async (method, body) => {
    const res = await appFetch("/admin/api/pixel", { method, body, headers: { "Content-Type": "application/json" } });
    expect(res.status).toBe(401);
  });

  it("keeps each shop's settings and counts to itself: B's save never reaches A's page or A's handshake", async () => {
    const [a, b] = await Promise.all([adminTenant(), adminTenant()]);
    await adminJson(b.shop, "/pixel", put({ trackedEvents: ["cart_viewed"], samplingPercent: 5 }));
    await insertEvents(b.tenantId, [{ name: "page_view", source: "pixel", occurredAt: Date.now() - 1_000 }]);

    const aView = await adminJson<PixelSettingsResponse>(a.shop, "/pixel");
    expect(aView.samplingPercent).toBe(100);
    expect(aView.trackedEvents.find((event) => event.name === "cart_viewed")!.tracked).toBe(false);
    expect(aView.counts.lastHour).toBe(0);
    const handshake = await postPixel("/handshake", { publicKey: a.publicKey, clientId: "visitor" });
    expect(((await handshake.json()) as { config: { samplingPercent: number } }).config.samplingPercent).toBe(100);
    expect((await adminJson<PixelSettingsResponse>(b.shop, "/pixel")).counts.lastHour).toBe(1);
  });

  it("ignores a tenant named in the request: the session token's shop is the only scope", async () => {
    const [a, b] = await Promise.all([adminTenant(), adminTenant()]);
    const res = await adminFetch(a.shop, `/pixel?tenantId=${b.tenantId}`, { ...put({ trackedEvents: [], samplingPercent: 0, tenantId: b.tenantId }) });
    expect(res.status).toBe(200);
    expect((await adminJson<PixelSettingsResponse>(b.shop, "/pixel")).samplingPercent).toBe(100);
    expect((await adminJson<PixelSettingsResponse>(a.shop, "/pixel")).samplingPercent).toBe(0);
  });
});
