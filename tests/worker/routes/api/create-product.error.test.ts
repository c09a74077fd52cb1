import { describe, expect, it } from "vitest";
import { appFetch } from "../../../helpers/harness.ts";
import { installOutboundShop } from "../../../helpers/catalog-out.ts";
import { seedTenant } from "../../../helpers/seed-tenant.ts";

const PRODUCT = { title: "Trail mug", variants: [{ price: "19.50" }] };

function post(key: string, path: string, body: string, headers: Record<string, string> = { "Content-Type": "application/json" }): Promise<Response> {
  return appFetch(`/v1${path}`, { method: "POST", headers: { Authorization: `Bearer ${key}`, ...headers }, body });
}

async function expectError(res: Response, status: number, code: string, message?: string | RegExp): Promise<void> {
  expect(res.status).toBe(status);
  expect(await res.json()).toMatchObject({ error: { code, message: message === undefined ? expect.any(String) : expect.stringMatching(message), requestId: expect.any(String) } });
}

describe("catalog out (errors)", () => {
  it("refuses both routes with 403 while outbound sync is off", async () => {
    const tenant = await seedTenant();
    await expectError(await post(tenant.serverKey, "/products", JSON.stringify(PRODUCT)), 403, "forbidden", /outbound product sync/);
    await expectError(await post(tenant.serverKey, "/products/import", "Handle,Title\nmug,Mug\n", { "Content-Type": "text/csv" }), 403, "forbidden");
  });

  it.each<[string, unknown, RegExp]>([
    ["no variant", { title: "Mug", variants: [] }, /^variants: /],
    ["a bad price", { title: "Mug", variants: [{ price: "cheap" }] }, /^variants\.0\.price: /],
    ["an option value the product lacks", { title: "Mug", options: [{ name: "Color", values: ["Red"] }], variants: [{ options: ["Blue"], price: 1 }] }, /variants\.0\.options\.0: "Blue" is not a value of option Color/],
    ["a handle with spaces", { ...PRODUCT, handle: "trail mug" }, /^handle: /],
    ["an unknown field", { ...PRODUCT, colour: "red" }, /./],
  ])("answers 400 validation_failed for %s", async (_, body, message) => {
    const installed = await installOutboundShop();
    await expectError(await post(installed.serverKey, "/products", JSON.stringify(body)), 400, "validation_failed", message);
  });

  it("refuses a malformed Idempotency-Key, a CSV sent as something else, and a CSV header without Handle", async () => {
    const installed = await installOutboundShop();
    await expectError(await post(installed.serverKey, "/products", JSON.stringify(PRODUCT), { "Content-Type": "application/json", "Idempotency-Key": "two words" }), 400, "validation_failed", /Idempotency-Key/);
    await expectError(await post(installed.serverKey, "/products/import", "Handle,Title\n", { "Content-Type": "application/json" }), 415, "unsupported_media_type");
    await expectError(await post(installed.serverKey, "/products/import", "Name,Title\nmug,Mug\n", { "Content-Type": "text/csv" }), 400, "validation_failed", /no Handle column/);
    await expectError(await post(installed.serverKey, "/products/import", "", { "Content-Type": "text/csv" }), 400, "validation_failed");
    expect((await post("sk_live_nope", "/products/import", "Handle,Title\n", { "Content-Type": "text/csv" })).status).toBe(401);
  });
});
