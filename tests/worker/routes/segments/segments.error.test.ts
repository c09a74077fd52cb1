import { describe, expect, it } from "vitest";
import type { ErrorBody } from "../../../../worker/errors.ts";
import { apiFetch } from "../../../helpers/api-fetch.ts";
import { seedTenant } from "../../../helpers/seed-tenant.ts";

async function failure(res: Response, status: number): Promise<ErrorBody["error"]> {
  expect(res.status, await res.clone().text()).toBe(status);
  const body = (await res.json()) as ErrorBody;
  expect(body.error.requestId).toBeTruthy();
  return body.error;
}

describe("/v1/segments errors", () => {
  it("answers 400 with the line, column and hint of a DSL error", async () => {
    const tenant = await seedTenant();
    const query = 'country in ("US", "CA")\n  and total_spnt >= 200';
    const error = await failure(await apiFetch(tenant.serverKey, "/segments", { method: "POST", body: { name: "x", kind: "customer", query } }), 400);
    expect(error).toMatchObject({
      code: "validation_failed",
      message: "Line 2, column 7: unknown attribute `total_spnt` (did you mean `total_spent`?)",
      details: { line: 2, column: 7, hint: "did you mean `total_spent`?" },
    });
  });

  it("answers 400 with the JSON path of an error in the JSON form", async () => {
    const tenant = await seedTenant();
    const query = { and: [{ attr: "country", op: "=", value: "US" }, { attr: "orders_count", op: ">=", value: "two" }] };
    const error = await failure(await apiFetch(tenant.serverKey, "/segments", { method: "POST", body: { name: "x", kind: "customer", query } }), 400);
    expect(error).toMatchObject({ code: "validation_failed", details: { path: "$.and[1].value" } });
  });

  it.each([
    ["a body that is not JSON", "{", "invalid_json"],
    ["a missing name", { kind: "customer", query: "orders_count >= 1" }, "validation_failed"],
    ["an unknown kind", { name: "x", kind: "order", query: "orders_count >= 1" }, "validation_failed"],
    ["an empty query", { name: "x", kind: "customer", query: "  " }, "validation_failed"],
    ["a product attribute in a customer segment", { name: "x", kind: "customer", query: "price > 10" }, "validation_failed"],
  ])("answers 400 for %s", async (_name, body, code) => {
    const tenant = await seedTenant();
    const error = await failure(await apiFetch(tenant.serverKey, "/segments", { method: "POST", body }), 400);
    expect(error.code).toBe(code);
  });

  it("refuses native push for a segment Shopify cannot express, naming the rule that blocks it", async () => {
    const tenant = await seedTenant();
    const body = { name: "x", kind: "customer", query: "orders_count >= 1 and last_seen >= -30d", pushMode: "native" };
    const error = await failure(await apiFetch(tenant.serverKey, "/segments", { method: "POST", body }), 400);
    expect(error.message).toMatch(/^`last_seen >= -30d` cannot become part of a Shopify segment/);
    expect(error.details).toEqual({ field: "pushMode", rule: "last_seen >= -30d" });
  });

  it("refuses tag or native push for product segments", async () => {
    const tenant = await seedTenant();
    const body = { name: "x", kind: "product", query: "ai_score < 50", pushMode: "tags" };
    const error = await failure(await apiFetch(tenant.serverKey, "/segments", { method: "POST", body }), 400);
    expect(error.message).toMatch(/product segments are not pushed/);
  });

  it("answers 404 for a segment that does not exist, whatever the verb", async () => {
    const tenant = await seedTenant();
    for (const [method, path] of [
      ["GET", "/segments/nope"],
      ["PATCH", "/segments/nope"],
      ["DELETE", "/segments/nope"],
      ["POST", "/segments/nope/recompute"],
      ["GET", "/segments/nope/members"],
      ["POST", "/segments/nope/push"],
      ["GET", "/segments/Not%20A%20Slug"],
    ] as const) {
      const res = await apiFetch(tenant.serverKey, path, { method, ...(method === "PATCH" ? { body: { name: "y" } } : {}) });
      expect((await failure(res, 404)).code, `${method} ${path}`).toBe("not_found");
    }
  });

  it("answers 400 for a PATCH with nothing to change, a bad cursor or a limit over 500", async () => {
    const tenant = await seedTenant();
    await apiFetch(tenant.serverKey, "/segments", { method: "POST", body: { name: "s", kind: "customer", query: "orders_count >= 0" } });
    expect((await failure(await apiFetch(tenant.serverKey, "/segments/s", { method: "PATCH", body: {} }), 400)).code).toBe("validation_failed");
    expect((await failure(await apiFetch(tenant.serverKey, "/segments/s/members?cursor=%%%"), 400)).code).toBe("validation_failed");
    expect((await failure(await apiFetch(tenant.serverKey, "/segments/s/members?limit=501"), 400)).code).toBe("validation_failed");
  });

  it("answers 409 when asked to push a segment that is not pushed to Shopify", async () => {
    const tenant = await seedTenant();
    await apiFetch(tenant.serverKey, "/segments", { method: "POST", body: { name: "s", kind: "customer", query: "orders_count >= 0" } });
    expect((await failure(await apiFetch(tenant.serverKey, "/segments/s/push", { method: "POST" }), 409)).code).toBe("conflict");
  });
});
