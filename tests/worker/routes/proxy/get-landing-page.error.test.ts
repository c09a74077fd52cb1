import { describe, expect, it } from "vitest";
import { createPage, proxyFetch, storefrontTenant } from "../../../helpers/storefront-requests.ts";

async function errorOf(res: Response) {
  const body = (await res.json()) as { error: { code: string; message: string; requestId: string } };
  expect(body.error.requestId).toMatch(/^req_/);
  return { status: res.status, code: body.error.code };
}

describe("GET /proxy/pages/:slug, bad requests", () => {
  it("answers 404 for a page that does not exist, a draft, or a slug that cannot be one", async () => {
    const { shop, tenantId } = await storefrontTenant();
    await createPage(tenantId, { slug: "draft-page" });
    expect(await errorOf(await proxyFetch(shop, "/pages/nope"))).toEqual({ status: 404, code: "not_found" });
    expect(await errorOf(await proxyFetch(shop, "/pages/draft-page"))).toEqual({ status: 404, code: "not_found" });
    expect(await errorOf(await proxyFetch(shop, "/pages/Not_A_Slug"))).toEqual({ status: 404, code: "not_found" });
  });

  it("answers 400 for a recommendations strip asking for an unknown rule or too many products", async () => {
    const { shop } = await storefrontTenant();
    expect(await errorOf(await proxyFetch(shop, "/recommendations", { query: { rule: "everything" } }))).toEqual({ status: 400, code: "validation_failed" });
    expect(await errorOf(await proxyFetch(shop, "/recommendations", { query: { limit: "50" } }))).toEqual({ status: 400, code: "validation_failed" });
  });

  it("treats a malformed logged_in_customer_id as a guest", async () => {
    const { shop, tenantId } = await storefrontTenant();
    await createPage(tenantId, { slug: "open", status: "published", products: { mode: "none" } });
    const res = await proxyFetch(shop, "/pages/open", { customerId: "abc' or 1=1" });
    expect(res.status).toBe(200);
  });
});
