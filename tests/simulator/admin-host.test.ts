import { Script } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP, startTestSimulator, type TestSimulator } from "./harness.ts";

let sim: TestSimulator;
beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(() => sim.close());

describe("admin host stand-in", () => {
  it("frames the app's /app page with shop, host and a fresh id_token", async () => {
    const { shop } = await sim.client.createShop({ size: { products: 1, customers: 1, orders: 1, abandonedCheckouts: 0 } });
    const html = await (await fetch(`${sim.url}/_sim/admin/${shop}`)).text();
    const src = new URL(/<iframe src="([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, "&"));
    expect(src.origin + src.pathname).toBe(`${APP.appUrl}/app`);
    expect(src.searchParams.get("shop")).toBe(shop);
    const claims = JSON.parse(Buffer.from(src.searchParams.get("id_token")!.split(".")[1]!, "base64url").toString());
    expect(claims).toMatchObject({ aud: APP.apiKey, dest: `https://${shop}` });
  });

  it("serves App Bridge and Polaris stand-ins as valid scripts", async () => {
    for (const path of ["/_sim/app-bridge.js", "/_sim/polaris.js"]) {
      const response = await fetch(`${sim.url}${path}`);
      expect(response.headers.get("content-type")).toContain("javascript");
      const source = await response.text();
      expect(() => new Script(source)).not.toThrow();
    }
  });

  it("lets the embedded page mint session tokens across origins", async () => {
    const { shop } = await sim.client.createShop({ size: { products: 1, customers: 1, orders: 1, abandonedCheckouts: 0 } });
    const preflight = await fetch(`${sim.url}/_sim/shops/${shop}/session-token`, {
      method: "OPTIONS",
      headers: { Origin: "http://127.0.0.1:8787", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type" },
    });
    expect(preflight.headers.get("access-control-allow-origin")).toBe("http://127.0.0.1:8787");
  });
});
