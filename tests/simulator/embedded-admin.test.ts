import { Script } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP, startTestSimulator, type TestSimulator } from "./harness.ts";

const TINY = { products: 1, customers: 1, orders: 1, abandonedCheckouts: 0 };

let sim: TestSimulator;
beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(() => sim.close());

const iframeSrc = (html: string) => new URL(/<iframe[^>]* src="([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, "&"));
const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()) as Record<string, unknown>;

describe("embedded admin host page", () => {
  it("frames the app at /app with embedded, shop, host and a valid session token, like Shopify admin", async () => {
    const { shop } = await sim.client.createShop({ size: TINY });
    const name = shop.replace(".myshopify.com", "");
    const res = await fetch(`${sim.url}/store/${name}/apps/segops`);
    expect(res.status).toBe(200);
    const src = iframeSrc(await res.text());
    expect(`${src.origin}${src.pathname}`).toBe(`${APP.appUrl}/app`);
    expect(src.searchParams.get("embedded")).toBe("1");
    expect(src.searchParams.get("shop")).toBe(shop);
    expect(Buffer.from(src.searchParams.get("host")!, "base64url").toString()).toBe(`${new URL(sim.url).host}/store/${name}`);
    expect(claimsOf(src.searchParams.get("id_token")!)).toMatchObject({ aud: APP.apiKey, dest: `https://${shop}`, iss: `https://${shop}/admin` });
  });

  it("frames a path under the app's admin URL at the same path under /app, keeping its query (a billing return URL)", async () => {
    const { shop } = await sim.client.createShop({ size: TINY });
    const name = shop.replace(".myshopify.com", "");
    const res = await fetch(`${sim.url}/store/${name}/apps/segops/billing?charge_id=42`);
    expect(res.status).toBe(200);
    const src = iframeSrc(await res.text());
    expect(`${src.origin}${src.pathname}`).toBe(`${APP.appUrl}/app/billing`);
    expect(src.searchParams.get("charge_id")).toBe("42");
    expect(src.searchParams.get("shop")).toBe(shop);
    expect(src.searchParams.get("id_token")).toBeTruthy();
  });

  it("answers 404 for a shop the simulator does not have", async () => {
    const res = await fetch(`${sim.url}/store/nowhere-shop/apps/segops`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("nowhere-shop.myshopify.com");
  });

  it("offers to install the app instead of framing it when the shop uninstalled it", async () => {
    const { shop } = await sim.client.createShop({ size: TINY });
    await sim.client.uninstall(shop);
    const html = await (await fetch(`${sim.url}/store/${shop.replace(".myshopify.com", "")}/apps/segops`)).text();
    expect(html).not.toContain("<iframe");
    expect(html).toContain("Install app");
    expect(html).toContain(`/_sim/shops/${shop}/install`);
  });

  it("lists the missing scopes on the re-approval page and grants them through the control API", async () => {
    const { shop } = await sim.client.createShop({ size: TINY, grantedScopes: ["read_products"] });
    const res = await fetch(`${sim.url}/${shop}/admin/oauth/install?client_id=${APP.apiKey}`);
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain("write_products, read_orders");
    expect(html).toContain(`/_sim/shops/${shop}/scopes`);
    const wrongClient = await fetch(`${sim.url}/${shop}/admin/oauth/install?client_id=someone-else`);
    expect(wrongClient.status).toBe(400);
  });

  it.each([
    ["/_sim/app-bridge.js", "javascript"],
    ["/_sim/polaris.js", "javascript"],
    ["/_sim/polaris.css", "text/css"],
  ])("serves the stand-in %s", async (path, type) => {
    const res = await fetch(`${sim.url}${path}`);
    expect(res.headers.get("content-type")).toContain(type);
    const source = await res.text();
    if (type === "javascript") expect(() => new Script(source)).not.toThrow();
    else expect(source).toContain("s-banner");
  });

  it("lets the embedded page mint session tokens across origins", async () => {
    const { shop } = await sim.client.createShop({ size: TINY });
    const preflight = await fetch(`${sim.url}/_sim/shops/${shop}/session-token`, {
      method: "OPTIONS",
      headers: { Origin: "http://127.0.0.1:8787", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type" },
    });
    expect(preflight.headers.get("access-control-allow-origin")).toBe("http://127.0.0.1:8787");
  });
});
