import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { TenantObject } from "../../../../durable-objects/tenant-object.ts";
import type { BootstrapResponse } from "../../../../worker/routes/admin/get-bootstrap.ts";
import { DATA_WEBHOOK_TOPICS } from "../../../../worker/services/install/ensure-webhook-subscriptions.ts";
import { tenantObject } from "../../../../worker/context/tenant-object.ts";
import { DECLARED_SCOPES } from "../../../../worker/shopify/scopes.ts";
import { waitForBackfill } from "../../../helpers/backfill.ts";
import { adminFetch, adminJson, appFetch, createSimShop, installShop, sim, waitForSetup } from "../../../helpers/harness.ts";
import { waitFor } from "../../../helpers/wait-for.ts";

async function expectNoDuplicates(shop: string) {
  const state = await sim().state(shop);
  expect(state.webhookSubscriptions).toHaveLength(DATA_WEBHOOK_TOPICS.length);
  expect(state.webPixel).not.toBeNull();
  expect(state.metafieldDefinitions).toHaveLength(4);
  return state;
}

/** Waits until the stored access token has expired, so the next caller must refresh it. */
async function storedTokenExpired(tenantId: string): Promise<void> {
  const expiresAt = await env.DB.prepare("select access_token_expires_at at from shop_credentials where tenant_id = ?").bind(tenantId).first<number>("at");
  if (expiresAt === null) throw new Error(`tenant ${tenantId} has no expiring access token`);
  await waitFor(() => Date.now() > expiresAt, { what: `the access token of ${tenantId} to expire` });
}

describe("install failures and resume", () => {
  it("retries a step Shopify failed transiently and finishes without duplicates", async () => {
    const shop = await createSimShop();
    await sim().settings(shop, { failGraphql: { count: 6, status: 503 } });
    await adminJson(shop, "/bootstrap");
    const failed = await waitForSetup(shop, (s) => s.failed);
    const step = failed.steps.find((s) => s.status === "failed")!;
    expect(step.error).toMatch(/unavailable.*retrying/);
    await waitForSetup(shop);
    await expectNoDuplicates(shop);
  });

  it("runs every step again after a crash wiped its progress, creating nothing twice", async () => {
    const { shop, tenantId } = await installShop();
    const before = await expectNoDuplicates(shop);
    await runInDurableObject(tenantObject(env, tenantId), async (_instance: TenantObject, state) => {
      await state.storage.delete("setup");
    });
    await env.DB.prepare("update tenants set status = 'installing' where id = ?").bind(tenantId).run();
    await adminJson(shop, "/bootstrap");
    await waitForSetup(shop);
    const after = await expectNoDuplicates(shop);
    expect(after.webPixel?.id).toBe(before.webPixel?.id);
    const keys = await env.DB.prepare("select kind, count(*) n from api_keys where tenant_id = ? and revoked_at is null group by kind order by kind")
      .bind(tenantId)
      .all();
    expect(keys.results).toEqual([
      { kind: "public", n: 1 },
      { kind: "server", n: 1 },
    ]);
  });

  it("stops on a missing scope with the reason, and the dashboard asks to re-approve", async () => {
    const granted = DECLARED_SCOPES.filter((scope) => scope !== "write_pixels");
    const shop = await createSimShop({ grantedScopes: [...granted] });
    await adminJson(shop, "/bootstrap");
    const setup = await waitForSetup(shop, (s) => s.failed);
    expect(setup.steps.find((s) => s.key === "pixel")).toMatchObject({ status: "failed", error: expect.stringMatching(/scope/) });
    const bootstrap = await adminJson<BootstrapResponse>(shop, "/bootstrap");
    expect(bootstrap.banners).toContainEqual(expect.objectContaining({ kind: "scopes", missingScopes: ["write_pixels"] }));
  });

  it.each([
    ["signed with another secret", { secret: "not-the-app-secret" }],
    ["expired", { expiresInSeconds: -60 }],
    ["for another app", { apiKey: "someone-else" }],
  ])("refuses a session token %s with 401 and the retry header", async (_label, options) => {
    const shop = await createSimShop();
    const token = await sim().sessionToken(shop, options);
    const res = await appFetch("/admin/api/bootstrap", { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(401);
    expect(res.headers.get("x-shopify-retry-invalid-session-request")).toBe("1");
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("invalid_token");
  });

  it("exchanges a fresh token on the next load after Shopify revoked ours, instead of looping", async () => {
    const { shop } = await installShop();
    const exchangedBefore = (await sim().state(shop)).tokens.exchanged;
    await sim().settings(shop, { revokeTokens: true });
    const rotate = await adminFetch(shop, "/keys/public/rotate", { method: "POST" });
    expect(rotate.status).toBe(502);
    await adminJson(shop, "/bootstrap");
    expect((await sim().state(shop)).tokens.exchanged).toBe(exchangedBefore + 1);
    const retried = await adminFetch(shop, "/keys/public/rotate", { method: "POST" });
    expect(retried.status).toBe(201);
  });

  it("refreshes an expiring token once for many concurrent callers, never reusing a rotated refresh token", async () => {
    const { shop, tenantId } = await installShop({ tokenTtlSeconds: 2 });
    // The install's backfill refreshes these 2 s tokens too: count only once it has finished.
    await waitForBackfill(shop);
    const refreshedBefore = (await sim().state(shop)).tokens.refreshed;
    await storedTokenExpired(tenantId);
    const object = tenantObject(env, tenantId);
    const results = await Promise.all(Array.from({ length: 10 }, () => object.accessToken()));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(new Set(results.map((r) => (r.ok ? r.accessToken : "")))).toHaveProperty("size", 1);
    expect((await sim().state(shop)).tokens.refreshed).toBe(refreshedBefore + 1);
    await storedTokenExpired(tenantId);
    expect((await object.accessToken()).ok).toBe(true);
    expect((await sim().state(shop)).tokens.refreshed).toBe(refreshedBefore + 2);
  });
});
