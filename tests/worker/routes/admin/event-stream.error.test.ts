import { describe, expect, it } from "vitest";
import type { ErrorBody } from "../../../../worker/errors.ts";
import { adminTenant } from "../../../helpers/admin-tenant.ts";
import { adminFetch } from "../../../helpers/harness.ts";

describe("/admin/api/events (errors)", () => {
  it.each([
    ["/events/recent?limit=0", "limit"],
    ["/events/recent?limit=101", "limit"],
    ["/events/recent?after=not-a-cursor", "after"],
    ["/events/volume?days=0", "days"],
    ["/events/volume?days=91", "days"],
    ["/events/volume?utcOffset=900", "utcOffset"],
  ])("answers %s with 400 validation_failed naming %s", async (path, field) => {
    const tenant = await adminTenant();
    const res = await adminFetch(tenant.shop, path);
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as ErrorBody;
    expect(error.code).toBe("validation_failed");
    expect(error.message.startsWith(`${field}:`)).toBe(true);
  });
});
