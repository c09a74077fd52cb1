import { describe, expect, it } from "vitest";
import type { ErrorBody } from "../../../../worker/errors.ts";
import type { PixelSettingsResponse } from "../../../../worker/routes/admin/pixel-settings.ts";
import { adminTenant } from "../../../helpers/admin-tenant.ts";
import { adminFetch, adminJson } from "../../../helpers/harness.ts";

const put = (body: unknown) => ({ method: "PUT", headers: { "Content-Type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) });

describe("/admin/api/pixel (errors)", () => {
  it("answers 400 with the envelope naming unknown event names, and keeps the settings", async () => {
    const tenant = await adminTenant();
    const res = await adminFetch(tenant.shop, "/pixel", put({ trackedEvents: ["page_viewed", "page_view", "made_up"], samplingPercent: 50 }));
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(body.error).toMatchObject({ code: "validation_failed", details: { field: "trackedEvents", unknown: ["page_view", "made_up"] } });
    expect(body.error.message).toContain("unknown pixel events page_view, made_up");
    expect(body.error.requestId).toBeTruthy();
    expect((await adminJson<PixelSettingsResponse>(tenant.shop, "/pixel")).samplingPercent).toBe(100);
  });

  it.each([
    ["above 100", { trackedEvents: [], samplingPercent: 101 }, "samplingPercent"],
    ["negative", { trackedEvents: [], samplingPercent: -1 }, "samplingPercent"],
    ["a fraction", { trackedEvents: [], samplingPercent: 12.5 }, "samplingPercent"],
    ["a string", { trackedEvents: [], samplingPercent: "50" }, "samplingPercent"],
    ["missing", { trackedEvents: ["page_viewed"] }, "samplingPercent"],
    ["not a list of names", { trackedEvents: "page_viewed", samplingPercent: 50 }, "trackedEvents"],
  ])("answers 400 validation_failed when samplingPercent or trackedEvents is %s", async (_case, body, field) => {
    const tenant = await adminTenant();
    const res = await adminFetch(tenant.shop, "/pixel", put(body));
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as ErrorBody;
    expect(error.code).toBe("validation_failed");
    expect(error.message.startsWith(`${field}:`)).toBe(true);
  });

  it("answers 400 invalid_json for a body that is not JSON", async () => {
    const tenant = await adminTenant();
    const res = await adminFetch(tenant.shop, "/pixel", put("{ trackedEvents"));
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error.code).toBe("invalid_json");
  });
});
