import { describe, expect, it } from "vitest";
import { adminTenant } from "../../../helpers/admin-tenant.ts";
import { adminFetch } from "../../../helpers/harness.ts";

const post = (body: unknown) => ({ method: "POST", headers: { "Content-Type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) });

async function errorOf(res: Response) {
  const body = (await res.json()) as { error: { code: string; message: string; requestId: string } };
  return { status: res.status, code: body.error.code, message: body.error.message, requestId: body.error.requestId };
}

describe("/admin/api/billing (errors)", () => {
  it.each([
    ["an unknown plan", { plan: "enterprise" }],
    ["no plan", {}],
    ["an extra field", { plan: "growth", price: 0 }],
  ])("refuses to subscribe to %s with 400", async (_, body) => {
    const { shop } = await adminTenant({ plan: "starter" });
    const refused = await errorOf(await adminFetch(shop, "/billing/subscribe", post(body)));
    expect(refused).toMatchObject({ status: 400, code: "validation_failed" });
    expect(refused.requestId).toBeTruthy();
  });

  it("answers malformed JSON with 400 invalid_json", async () => {
    const { shop } = await adminTenant({ plan: "starter" });
    expect(await errorOf(await adminFetch(shop, "/billing/subscribe", post("{")))).toMatchObject({ status: 400, code: "invalid_json" });
  });

  it("answers 409 for the plan already in force, without calling Shopify", async () => {
    const { shop } = await adminTenant({ plan: "starter" });
    const refused = await errorOf(await adminFetch(shop, "/billing/subscribe", post({ plan: "starter" })));
    expect(refused).toMatchObject({ status: 409, code: "conflict", message: "This workspace is already on Starter." });
  });

  it.each([["a charge id that is not Shopify's", { chargeId: "gid://shopify/AppSubscription/1" }], ["no charge id", {}]])("refuses to confirm %s with 400", async (_, body) => {
    const { shop } = await adminTenant({ plan: "starter" });
    expect(await errorOf(await adminFetch(shop, "/billing/confirm", post(body)))).toMatchObject({ status: 400, code: "validation_failed" });
  });

  it("answers 502 when Shopify cannot be asked (no token for the shop), never a 5xx of its own", async () => {
    const { shop } = await adminTenant({ plan: "starter" });
    const failed = await errorOf(await adminFetch(shop, "/billing/subscribe", post({ plan: "growth" })));
    expect(failed).toMatchObject({ status: 502, code: "shopify_unavailable" });
  });
});
