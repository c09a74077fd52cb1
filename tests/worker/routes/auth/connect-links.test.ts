import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { signConnectToken } from "../../../../worker/services/connect-links/connect-token.ts";
import { appFetch, createSimShop, installShop, sim, type InstalledShop } from "../../../helpers/harness.ts";
import { consumeIngestBatch, webhookMessage } from "../../../helpers/ingest-queue.ts";

const HTML = { Accept: "text/html" };

async function createLink(owner: InstalledShop): Promise<string> {
  const res = await appFetch("/v1/connect-links", { method: "POST", headers: { Authorization: `Bearer ${owner.serverKey}` } });
  expect(res.status).toBe(201);
  const { url, expiresAt } = (await res.json()) as { url: string; expiresAt: string };
  expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(55 * 60_000);
  return new URL(url).searchParams.get("token")!;
}

const uninstall = async (shop: string) => {
  const { deliveries } = await sim().uninstall(shop);
  return consumeIngestBatch([webhookMessage(shop, "app/uninstalled", deliveries[0]!.body)]);
};

/** Walks the authorization-code grant like a browser: /auth → Shopify authorize → /auth/callback. */
async function installThroughLink(shop: string, token: string): Promise<Response> {
  const begin = await appFetch(`/auth?shop=${shop}&connect=${encodeURIComponent(token)}`, { headers: HTML });
  if (begin.status !== 302) return begin;
  const cookie = begin.headers.get("set-cookie")!.split(";")[0]!;
  const authorize = await fetch(begin.headers.get("location")!, { redirect: "manual" });
  expect(authorize.status).toBe(302);
  const callback = new URL(authorize.headers.get("location")!);
  return appFetch(`${callback.pathname}${callback.search}`, { headers: { ...HTML, Cookie: cookie } });
}

const tenantOfShop = (shop: string) => env.DB.prepare("select id, status from tenants where shop_domain = ?").bind(shop).first<{ id: string; status: string }>();

describe("connect links", () => {
  it("attaches a newly installed shop to the link's existing workspace", async () => {
    const owner = await installShop();
    await uninstall(owner.shop);
    const token = await createLink(owner);
    const page = await appFetch(`/connect?token=${encodeURIComponent(token)}`, { headers: HTML });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('action="/auth"');

    const newShop = await createSimShop();
    const done = await installThroughLink(newShop, token);
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe(`${env.TEST_SIMULATOR_URL}/store/${newShop.split(".")[0]}/apps/segops`);
    expect(await tenantOfShop(newShop)).toMatchObject({ id: owner.tenantId });
    expect(await tenantOfShop(owner.shop)).toBeNull();
  });

  it("refuses a reused link and attaches nothing the second time", async () => {
    const owner = await installShop();
    await uninstall(owner.shop);
    const token = await createLink(owner);
    expect((await installThroughLink(await createSimShop(), token)).status).toBe(302);
    const another = await createSimShop();
    const reused = await installThroughLink(another, token);
    expect(reused.status).toBe(410);
    expect(await reused.text()).toContain("already used");
    expect(await tenantOfShop(another)).toBeNull();
  });

  it("refuses a tampered link with a clear page", async () => {
    const owner = await installShop();
    const token = await createLink(owner);
    const tampered = `${token.slice(0, 10)}${token[10] === "A" ? "B" : "A"}${token.slice(11)}`;
    const res = await appFetch(`/connect?token=${encodeURIComponent(tampered)}`, { headers: HTML });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(await res.text()).toMatch(/altered|malformed/);
  });

  it("refuses an expired link, for people and for API clients", async () => {
    const owner = await installShop();
    const id = `cnl_expired_${crypto.randomUUID().slice(0, 8)}`;
    const past = Date.now() - 60_000;
    await env.DB.prepare("insert into connect_links (id, tenant_id, expires_at, created_at) values (?, ?, ?, ?)").bind(id, owner.tenantId, past, past - 3_600_000).run();
    const token = await signConnectToken(env.CONNECT_LINK_SECRET, { jti: id, tid: owner.tenantId, exp: Math.floor(past / 1000) });
    const page = await appFetch(`/connect?token=${encodeURIComponent(token)}`, { headers: HTML });
    expect(page.status).toBe(410);
    expect(await page.text()).toContain("expired");
    const api = await appFetch(`/auth?shop=${await createSimShop()}&connect=${encodeURIComponent(token)}`);
    expect(api.status).toBe(410);
    expect(await api.json()).toMatchObject({ error: { code: "gone", requestId: expect.any(String) } });
  });

  it("refuses to attach a shop to a workspace whose own shop is still installed, and keeps the link usable", async () => {
    const owner = await installShop();
    const token = await createLink(owner);
    const shop = await createSimShop();
    const res = await installThroughLink(shop, token);
    expect(res.status).toBe(409);
    expect(await tenantOfShop(shop)).toBeNull();
    const row = await env.DB.prepare("select used_at from connect_links where tenant_id = ?").bind(owner.tenantId).first();
    expect(row).toEqual({ used_at: null });
  });
});

describe("authorization-code grant", () => {
  it("installs a shop that starts at /auth without a link", async () => {
    const shop = await createSimShop();
    const begin = await appFetch(`/auth?shop=${shop}`, { headers: HTML });
    const cookie = begin.headers.get("set-cookie")!.split(";")[0]!;
    const authorize = await fetch(begin.headers.get("location")!, { redirect: "manual" });
    const callback = new URL(authorize.headers.get("location")!);
    const done = await appFetch(`${callback.pathname}${callback.search}`, { headers: { Cookie: cookie } });
    expect(done.status).toBe(302);
    expect(await tenantOfShop(shop)).toMatchObject({ status: expect.stringMatching(/installing|active/) });
  });

  it.each([
    ["a changed shop", (p: URLSearchParams) => p.set("shop", "evil.myshopify.com"), 401],
    ["no state cookie", () => {}, 403],
  ])("refuses a callback with %s", async (_label, tamper, status) => {
    const shop = await createSimShop();
    const begin = await appFetch(`/auth?shop=${shop}`);
    const authorize = await fetch(begin.headers.get("location")!, { redirect: "manual" });
    const callback = new URL(authorize.headers.get("location")!);
    tamper(callback.searchParams);
    const res = await appFetch(`${callback.pathname}${callback.search}`);
    expect(res.status).toBe(status);
    expect(await tenantOfShop(shop)).toBeNull();
  });

  it("refuses a shop that is not a myshopify.com domain", async () => {
    const res = await appFetch("/auth?shop=evil.example.com");
    expect(res.status).toBe(400);
  });
});
