import { describe, expect, it } from "vitest";
import type { ErrorBody } from "../../../../worker/errors.ts";
import { adminTenant } from "../../../helpers/admin-tenant.ts";
import { adminFetch } from "../../../helpers/harness.ts";

describe("/admin/api/products (errors)", () => {
  it.each([
    ["a page of 0", "page=0", "page"],
    ["a limit over 100", "limit=101", "limit"],
    ["an unknown sort", "sort=price", "sort"],
    ["an unknown score band", "band=excellent", "band"],
    ["a has-recommendations that is not true or false", "hasRecommendations=yes", "hasRecommendations"],
  ])("answers 400 validation_failed for %s", async (_case, query, field) => {
    const tenant = await adminTenant();
    const res = await adminFetch(tenant.shop, `/products?${query}`);
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as ErrorBody;
    expect(error.code).toBe("validation_failed");
    expect(error.message.startsWith(`${field}:`)).toBe(true);
  });
});
