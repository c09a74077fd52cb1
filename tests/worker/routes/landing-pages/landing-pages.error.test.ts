import { describe, expect, it } from "vitest";
import { adminTenant } from "../../../helpers/admin-tenant.ts";
import { adminFetch } from "../../../helpers/harness.ts";
import { seedCatalog, seedSegmentWithMembers } from "../../../helpers/seed-storefront.ts";

const json = (method: string, body: unknown) => ({ method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

async function errorOf(res: Response) {
  const body = (await res.json()) as { error: { code: string; message: string; requestId: string; details?: { field?: string } } };
  expect(body.error.requestId).toMatch(/^req_/);
  return { status: res.status, code: body.error.code, field: body.error.details?.field ?? null };
}

describe("/admin/api/landing-pages, bad requests", () => {
  it.each([
    ["a slug with capitals", { slug: "Spring", title: "x" }],
    ["no title", { slug: "spring" }],
    ["a javascript: button", { slug: "spring", title: "x", blocks: [{ kind: "button", text: "Go", url: "javascript:alert(1)" }] }],
    ["a protocol-relative button", { slug: "spring", title: "x", blocks: [{ kind: "button", text: "Go", url: "//evil.example" }] }],
    ["an unknown block kind", { slug: "spring", title: "x", blocks: [{ kind: "html", text: "<b>" }] }],
    ["no picks", { slug: "spring", title: "x", products: { mode: "picks", productIds: [] } }],
    ["an unknown rule", { slug: "spring", title: "x", products: { mode: "rule", rule: "everything" } }],
  ])("answers 400 validation_failed for %s", async (_, body) => {
    const tenant = await adminTenant();
    expect((await errorOf(await adminFetch(tenant.shop, "/landing-pages", json("POST", body)))).code).toBe("validation_failed");
  });

  it("answers 400 invalid_json for a body that is not JSON", async () => {
    const tenant = await adminTenant();
    const res = await adminFetch(tenant.shop, "/landing-pages", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{" });
    expect((await errorOf(res)).code).toBe("invalid_json");
  });

  it("answers 402 plan_limit past the plan's storefront surfaces, and stores nothing", async () => {
    const tenant = await adminTenant({ plan: "starter" });
    expect((await adminFetch(tenant.shop, "/landing-pages", json("POST", { slug: "spring", title: "First" }))).status).toBe(201);
    expect(await errorOf(await adminFetch(tenant.shop, "/landing-pages", json("POST", { slug: "summer", title: "Second" })))).toEqual({ status: 402, code: "plan_limit", field: null });
    expect((await adminFetch(tenant.shop, "/landing-pages/summer")).status).toBe(404);
  });

  it("answers 409 for a slug already taken, and keeps the first page", async () => {
    const tenant = await adminTenant();
    expect((await adminFetch(tenant.shop, "/landing-pages", json("POST", { slug: "spring", title: "First" }))).status).toBe(201);
    expect(await errorOf(await adminFetch(tenant.shop, "/landing-pages", json("POST", { slug: "spring", title: "Second" })))).toEqual({ status: 409, code: "conflict", field: "slug" });
    expect(((await (await adminFetch(tenant.shop, "/landing-pages/spring")).json()) as { title: string }).title).toBe("First");
  });

  it("answers 400 naming the field for a segment or products the shop does not have", async () => {
    const tenant = await adminTenant();
    await seedCatalog(tenant.tenantId, [{ productId: "101" }]);
    await seedSegmentWithMembers(tenant.tenantId, "vip", []);
    expect(await errorOf(await adminFetch(tenant.shop, "/landing-pages", json("POST", { slug: "a", title: "x", segment: "nobody" })))).toEqual({
      status: 400,
      code: "validation_failed",
      field: "segment",
    });
    expect(await errorOf(await adminFetch(tenant.shop, "/landing-pages", json("POST", { slug: "a", title: "x", products: { mode: "picks", productIds: ["101", "999"] } })))).toEqual({
      status: 400,
      code: "validation_failed",
      field: "products",
    });
    expect(await errorOf(await adminFetch(tenant.shop, "/landing-pages/preview", json("POST", { page: { title: "x" }, audience: "segment" })))).toEqual({
      status: 400,
      code: "validation_failed",
      field: "segment",
    });
    expect((await adminFetch(tenant.shop, "/landing-pages", json("POST", { slug: "a", title: "x", segment: "vip" }))).status).toBe(201);
  });

  it("answers 404 for a page that does not exist, on every verb", async () => {
    const tenant = await adminTenant();
    expect((await errorOf(await adminFetch(tenant.shop, "/landing-pages/nope"))).status).toBe(404);
    expect((await errorOf(await adminFetch(tenant.shop, "/landing-pages/nope", json("PATCH", { title: "x" })))).status).toBe(404);
    expect((await errorOf(await adminFetch(tenant.shop, "/landing-pages/nope", { method: "DELETE" }))).status).toBe(404);
    expect((await errorOf(await adminFetch(tenant.shop, "/landing-pages/Not_A_Slug"))).status).toBe(404);
  });
});
