import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedAppProxyQuery } from "../../simulator/storefront/app-proxy.ts";
import { verifyAppProxyQuery } from "../../worker/shopify/verify-query-hmac.ts";
import { APP, startTestSimulator, type TestSimulator } from "./harness.ts";

const tiny = { size: { products: 1, customers: 1, orders: 0, abandonedCheckouts: 0 } };

describe("app proxy signing", () => {
  // shopify.dev "Authenticate app proxies": secret `hush`, repeated `extra=1&extra=2`, logged-in customer 1.
  it("signs the documentation's example request with the documented signature", () => {
    const query = signedAppProxyQuery("shop-name.myshopify.com", "hush", {
      query: { extra: ["1", "2"] },
      customerId: "1",
      subpath: "awesome_reviews",
      timestamp: 1317327555,
    });
    expect(query.get("signature")).toBe("4c68c8624d737112c91818c11017d24d334b524cb5c2b8ba08daa056f7395ddb");
    expect(query.getAll("extra")).toEqual(["1", "2"]);
    expect(query.get("path_prefix")).toBe("/apps/awesome_reviews");
  });

  it("signs a guest with an empty logged_in_customer_id, as Shopify sends it", () => {
    const query = signedAppProxyQuery("shop-name.myshopify.com", "hush", { query: { extra: ["1", "2"] }, subpath: "awesome_reviews", timestamp: 1317327555 });
    expect(query.get("logged_in_customer_id")).toBe("");
    expect(query.get("signature")).toBe("e072b6d7e6622d85912a5214b860d3100dc1e73d9bc29f43796ac8c9ff8093cb");
  });
});

describe("the storefront side of the app proxy", () => {
  let server: Server;
  let received: { path: string; cookie: string | undefined }[];
  let sim: TestSimulator;
  beforeAll(async () => {
    received = [];
    server = createServer((req, res) => {
      received.push({ path: req.url ?? "", cookie: req.headers.cookie });
      res.setHeader("Content-Type", "application/liquid; charset=utf-8");
      res.end("<h1>{{ shop.name }}</h1>");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    sim = await startTestSimulator("outbox", `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  });
  afterAll(async () => {
    await sim.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it("forwards /apps/segops/* to the app's /proxy/* signed, without the shopper's cookies, and returns the answer", async () => {
    const { shop } = await sim.client.createShop(tiny);
    const shopName = shop.replace(".myshopify.com", "");
    const res = await fetch(`${sim.url}/storefront/${shopName}/apps/segops/pages/spring?fragment=1&customer_id=42`, { headers: { Cookie: "_secure_session_id=abc" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/liquid; charset=utf-8");
    expect(await res.text()).toBe("<h1>{{ shop.name }}</h1>");
    const forwarded = new URL(received.at(-1)!.path, "http://app");
    expect(forwarded.pathname).toBe("/proxy/pages/spring");
    expect(received.at(-1)!.cookie).toBeUndefined();
    expect(Object.fromEntries(forwarded.searchParams)).toMatchObject({ fragment: "1", shop, logged_in_customer_id: "42", path_prefix: "/apps/segops" });
    expect(forwarded.searchParams.has("customer_id")).toBe(false);
    expect(Math.abs(Number(forwarded.searchParams.get("timestamp")) - Date.now() / 1000)).toBeLessThan(60);
    expect(await verifyAppProxyQuery(forwarded.searchParams, [APP.apiSecret])).toBe(true);
  });

  it("answers 404 for a shop it does not simulate", async () => {
    expect((await fetch(`${sim.url}/storefront/nobody-here/apps/segops/pages/x`)).status).toBe(404);
  });
});
