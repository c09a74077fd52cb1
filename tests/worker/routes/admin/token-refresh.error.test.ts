import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { adminFetch, installShop, sim } from "../../../helpers/harness.ts";

const credentialRows = async (tenantId: string) => (await env.DB.prepare("select count(*) n from shop_credentials where tenant_id = ?").bind(tenantId).first<{ n: number }>())?.n;

describe("Shopify answering 401 to the access token", () => {
  it("refreshes once and retries the call, keeping the refresh token, when only the access token was refused", async () => {
    const { shop, tenantId } = await installShop();
    const before = (await sim().state(shop)).tokens;
    await sim().settings(shop, { expireAccessTokens: true });
    const rotate = await adminFetch(shop, "/keys/public/rotate", { method: "POST" });
    expect(rotate.status).toBe(201);
    const after = (await sim().state(shop)).tokens;
    expect(after.refreshed).toBe(before.refreshed + 1);
    expect(after.exchanged).toBe(before.exchanged);
    expect(await credentialRows(tenantId)).toBe(1);
  });

  it("drops the tokens only when the refresh is refused too", async () => {
    const { shop, tenantId } = await installShop();
    await sim().settings(shop, { revokeTokens: true });
    const rotate = await adminFetch(shop, "/keys/public/rotate", { method: "POST" });
    expect(rotate.status).toBe(502);
    expect(await credentialRows(tenantId)).toBe(0);
  });
});
