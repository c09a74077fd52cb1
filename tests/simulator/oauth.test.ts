import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP, exchangeToken, graphqlFor, startTestSimulator, type TestSimulator } from "./harness.ts";

let sim: TestSimulator;
beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(() => sim.close());

async function tokenRequest(shop: string, body: Record<string, string>, form = false) {
  const response = await fetch(`${sim.url}/${shop}/admin/oauth/access_token`, {
    method: "POST",
    headers: { "content-type": form ? "application/x-www-form-urlencoded" : "application/json" },
    body: form ? new URLSearchParams(body).toString() : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

const refresh = (shop: string, refreshToken: string) =>
  tokenRequest(shop, { client_id: APP.apiKey, client_secret: APP.apiSecret, grant_type: "refresh_token", refresh_token: refreshToken });

const newShop = async (options: { tokenTtlSeconds?: number } = {}) => (await sim.client.createShop({ size: { products: 2, customers: 2, orders: 2, abandonedCheckouts: 0 }, ...options })).shop;

describe("token exchange", () => {
  it("issues an expiring offline token with the shop's TTL and a refresh token", async () => {
    const shop = await newShop({ tokenTtlSeconds: 120 });
    const { status, body } = await exchangeToken(sim.url, shop);
    expect(status).toBe(200);
    expect(body).toMatchObject({ expires_in: 120, refresh_token_expires_in: 7776000, scope: APP.scopes.join(",") });
    expect(body.access_token).toMatch(/^shpat_/);
    expect(body.refresh_token).toMatch(/^shprt_/);
  });

  it("issues a non-expiring token without expiring=1, from a form body too", async () => {
    const shop = await newShop();
    const subject = await sim.client.sessionToken(shop);
    const { status, body } = await tokenRequest(shop, {
      client_id: APP.apiKey,
      client_secret: APP.apiSecret,
      grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
      subject_token: subject,
      subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
      requested_token_type: "urn:shopify:params:oauth:token-type:offline-access-token",
    }, true);
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(["access_token", "scope"]);
  });

  it.each([
    ["signed with another secret", { secret: "not-the-secret" }],
    ["for another app", { apiKey: "other-app" }],
    ["expired", { expiresInSeconds: -60 }],
  ])("refuses a session token %s", async (_name, override) => {
    const shop = await newShop();
    const subject = await sim.client.sessionToken(shop, override);
    const { status, body } = await tokenRequest(shop, { client_id: APP.apiKey, client_secret: APP.apiSecret, grant_type: "urn:ietf:params:oauth:grant-type:token-exchange", subject_token: subject });
    expect(status).toBe(400);
    expect(body.error).toBe("invalid_subject_token");
  });

  it("refuses a session token minted for another shop", async () => {
    const [shop, other] = [await newShop(), await newShop()];
    const subject = await sim.client.sessionToken(other);
    const { status } = await tokenRequest(shop, { client_id: APP.apiKey, client_secret: APP.apiSecret, grant_type: "urn:ietf:params:oauth:grant-type:token-exchange", subject_token: subject });
    expect(status).toBe(400);
  });

  it("answers 401 invalid_client for a wrong client secret", async () => {
    const shop = await newShop();
    const { status, body } = await tokenRequest(shop, { client_id: APP.apiKey, client_secret: "wrong", grant_type: "refresh_token", refresh_token: "x" });
    expect(status).toBe(401);
    expect(body.error).toBe("invalid_client");
  });
});

describe("refresh token rotation", () => {
  it("rotates both tokens on every refresh", async () => {
    const shop = await newShop();
    const first = (await exchangeToken(sim.url, shop)).body;
    const second = await refresh(shop, first.refresh_token!);
    expect(second.status).toBe(200);
    expect(second.body.access_token).not.toBe(first.access_token);
    expect(second.body.refresh_token).not.toBe(first.refresh_token);
    expect((await graphqlFor(sim.url, shop, second.body.access_token)("{ shop { id } }")).status).toBe(200);
  });

  it("keeps the previous refresh token usable until the new one is used", async () => {
    const shop = await newShop();
    const first = (await exchangeToken(sim.url, shop)).body;
    const lost = await refresh(shop, first.refresh_token!);
    const retried = await refresh(shop, first.refresh_token!);
    expect(lost.status).toBe(200);
    expect(retried.status).toBe(200);
    expect((await refresh(shop, lost.body.refresh_token)).status).toBe(400);
  });

  it("refuses a burned refresh token", async () => {
    const shop = await newShop();
    const first = (await exchangeToken(sim.url, shop)).body;
    const second = await refresh(shop, first.refresh_token!);
    expect((await refresh(shop, second.body.refresh_token)).status).toBe(200);
    const burned = await refresh(shop, first.refresh_token!);
    expect(burned.status).toBe(400);
    expect(burned.body).toMatchObject({ error: "invalid_grant" });
    expect(typeof burned.body.error_description).toBe("string");
  });

  it("refuses an unknown refresh token", async () => {
    const shop = await newShop();
    expect((await refresh(shop, "shprt_unknown")).body.error).toBe("invalid_grant");
  });

  it("counts exchanges and refreshes in the state", async () => {
    const shop = await newShop();
    const first = (await exchangeToken(sim.url, shop)).body;
    await refresh(shop, first.refresh_token!);
    expect((await sim.client.state(shop)).tokens).toMatchObject({ exchanged: 1, refreshed: 1, issued: 2 });
  });
});

describe("authorization code grant", () => {
  it("redirects with a code and an hmac that verifies, and the code works once", async () => {
    const shop = await newShop();
    const query = new URLSearchParams({ client_id: APP.apiKey, scope: "read_orders", redirect_uri: "https://segops.test/auth/callback", state: "nonce-1" });
    const response = await fetch(`${sim.url}/${shop}/admin/oauth/authorize?${query}`, { redirect: "manual" });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location")!);
    expect(location.origin + location.pathname).toBe("https://segops.test/auth/callback");
    const params = Object.fromEntries(location.searchParams);
    expect(Object.keys(params).sort()).toEqual(["code", "hmac", "host", "shop", "state", "timestamp"]);
    const { hmac, ...rest } = params;
    const message = Object.keys(rest).sort().map((key) => `${key}=${rest[key]}`).join("&");
    expect(createHmac("sha256", APP.apiSecret).update(message).digest("hex")).toBe(hmac);
    expect(params).toMatchObject({ shop, state: "nonce-1" });
    const grant = { client_id: APP.apiKey, client_secret: APP.apiSecret, code: params.code!, expiring: "1" };
    const first = await tokenRequest(shop, grant);
    expect(first.status).toBe(200);
    expect(first.body.refresh_token).toMatch(/^shprt_/);
    expect((await tokenRequest(shop, grant)).status).toBe(400);
  });
});

describe("uninstalled shops", () => {
  it("reject token exchange and GraphQL after uninstall, and accept them again after reinstall", async () => {
    const shop = await newShop();
    const token = (await exchangeToken(sim.url, shop)).body.access_token;
    await sim.client.uninstall(shop);
    expect((await exchangeToken(sim.url, shop)).status).toBe(400);
    expect((await graphqlFor(sim.url, shop, token)("{ shop { id } }")).status).toBe(401);
    await sim.client.install(shop);
    expect((await exchangeToken(sim.url, shop)).status).toBe(200);
  });
});
