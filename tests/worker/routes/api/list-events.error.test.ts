import { describe, expect, it } from "vitest";
import { apiGet } from "../../../helpers/api-fetch.ts";
import { seedTenant } from "../../../helpers/seed-tenant.ts";

type ErrorBody = { error: { code: string; message: string; requestId: string } };

describe("GET /v1/events (errors)", () => {
  it.each([
    ["limit above 500", "/events?limit=501"],
    ["limit of zero", "/events?limit=0"],
    ["unknown source", "/events?source=fax"],
    ["unreadable since", "/events?since=yesterday"],
    ["forged cursor", "/events?cursor=bm90LWEtY3Vyc29y"],
  ])("answers 400 validation_failed for a %s", async (_label, path) => {
    const tenant = await seedTenant();
    const { status, body } = await apiGet<ErrorBody>(tenant.serverKey, path);
    expect(status).toBe(400);
    expect(body.error.code).toBe("validation_failed");
  });

  it("defaults to 100 events and accepts 500", async () => {
    const tenant = await seedTenant();
    expect((await apiGet(tenant.serverKey, "/events?limit=500")).status).toBe(200);
    expect((await apiGet(tenant.serverKey, "/events?since=1790000000000")).status).toBe(200);
  });
});
