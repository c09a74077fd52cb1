import { describe, expect, it } from "vitest";
import { apiFetch } from "../../../helpers/api-fetch.ts";
import { seedTenant } from "../../../helpers/seed-tenant.ts";

const mention = { product: { handle: "x" }, source: "chatgpt", occurredAt: "2026-11-30T10:00:00Z" };

describe("POST /v1/mentions (errors)", () => {
  it.each<[string, unknown]>([
    ["an empty batch", { mentions: [] }],
    ["more than 500 mentions", { mentions: Array.from({ length: 501 }, () => mention) }],
    ["no mentions array", { mention }],
    ["an unknown field", { mentions: [mention], extra: 1 }],
  ])("refuses %s with 400 validation_failed", async (_, body) => {
    const tenant = await seedTenant();
    const res = await apiFetch(tenant.serverKey, "/mentions", { method: "POST", body });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: "validation_failed", message: expect.any(String), requestId: expect.any(String) } });
  });

  it("refuses malformed JSON and a missing key", async () => {
    const tenant = await seedTenant();
    const bad = await apiFetch(tenant.serverKey, "/mentions", { method: "POST", body: "{" });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: "invalid_json" } });
    expect((await apiFetch(null, "/mentions", { method: "POST", body: { mentions: [mention] } })).status).toBe(401);
  });
});
