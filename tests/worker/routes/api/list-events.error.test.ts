import { describe, expect, it } from "vitest";
import { apiGet } from "../../../helpers/api-client.ts";
import { seedTenant } from "../../../helpers/seed-tenant.ts";

type ErrorBody = { error: { code: string; message: string; requestId: string } };

describe("GET /v1/events (errors)", () => {
  it.each([
    ["limit above 500", "/v1/events?limit=501"],
    ["limit of zero", "/v1/events?limit=0"],
    ["unknown source", "/v1/events?source=fax"],
    ["unreadable since", "/v1/events?since=yesterday"],
    ["forged cursor", "/v1/events?cursor=bm90LWEtY3Vyc29y"],
  ])("answers 400 validation_failed for a %s", async (_label, path) => {
    const tenant = await seedTenant();
    const { status, body } = await apiGet<ErrorBody>(path, tenant.serverKey);
    expect(status).toBe(400);
    expect(body.error.code).toBe("validation_failed");
  });

  it("defaults to 100 events and accepts 500", async () => {
    const tenant = await seedTenant();
    expect((await apiGet("/v1/events?limit=500", tenant.serverKey)).status).toBe(200);
    expect((await apiGet("/v1/events?since=1790000000000", tenant.serverKey)).status).toBe(200);
  });
});
