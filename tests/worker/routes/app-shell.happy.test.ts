import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../../worker/index.ts";

const SHOP = "acme.myshopify.com";

async function productionFetch(path: string): Promise<Response> {
  const ctx = createExecutionContext();
  const request = new Request(`https://segops.test${path}`) as Request<unknown, IncomingRequestCfProperties>;
  const res = await worker.fetch(request, { ...env, SHOPIFY_ADMIN_ORIGIN: "" } as Env, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

describe("embedded admin shell", () => {
  it("serves index.html with the API key and the simulator's App Bridge and Polaris stand-ins locally", async () => {
    const res = await exports.default.fetch(`https://segops.test/app?embedded=1&shop=${SHOP}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await res.text();
    const simulator = new URL(env.TEST_SIMULATOR_URL).origin;
    expect(html).toContain(`<meta name="shopify-api-key" content="${env.SHOPIFY_API_KEY}" />`);
    expect(html).toContain(`<script src="${simulator}/_sim/app-bridge.js"></script>`);
    expect(html).toContain(`<script src="${simulator}/_sim/polaris.js"></script>`);
    expect(html).not.toMatch(/%[A-Z_]+%/);
  });

  it("loads App Bridge and Polaris from Shopify's CDN in production", async () => {
    const html = await (await productionFetch(`/app?shop=${SHOP}`)).text();
    expect(html).toContain('<script src="https://cdn.shopify.com/shopifycloud/app-bridge.js"></script>');
    expect(html).toContain('<script src="https://cdn.shopify.com/shopifycloud/polaris.js"></script>');
    expect(html).not.toContain("/_sim/");
  });

  it("lets only the shop and Shopify admin frame it in production, and is never cached", async () => {
    const res = await productionFetch(`/app?embedded=1&shop=${SHOP}`);
    expect(res.headers.get("content-security-policy")).toBe(`frame-ancestors https://${SHOP} https://admin.shopify.com;`);
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("adds the simulator's origin to frame-ancestors when running against it", async () => {
    const res = await exports.default.fetch(`https://segops.test/app?shop=${SHOP}`);
    const simulator = new URL(env.TEST_SIMULATOR_URL).origin;
    expect(res.headers.get("content-security-policy")).toBe(`frame-ancestors https://${SHOP} https://admin.shopify.com ${simulator};`);
  });

  it.each(["/app/", "/app/segments", "/app/settings/keys"])("serves the same document for the client-side route %s", async (path) => {
    const res = await exports.default.fetch(`https://segops.test${path}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="app"></div>');
  });

  it("serves the built admin bundle from the assets binding", async () => {
    const res = await exports.default.fetch("https://segops.test/assets/admin.js");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("javascript");
  });
});
