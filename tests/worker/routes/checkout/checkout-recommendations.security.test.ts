import { beforeAll, describe, expect, it } from "vitest";
import { checkoutFetch, EXTENSION_ORIGIN } from "../../../helpers/checkout-requests.ts";
import { appFetch, sim } from "../../../helpers/harness.ts";
import { seedTenant } from "../../../helpers/seed-tenant.ts";
import { storefrontTenant } from "../../../helpers/storefront-requests.ts";

type ErrorBody = { error: { code: string; message: string; requestId: string } };
const PATHS = ["/thank-you?product_ids=101", "/order-status?order_id=gid://shopify/Order/1"];

describe("/checkout/v1/*: the extension's session token", () => {
  let shop: string;
  beforeAll(async () => {
    ({ shop } = await storefrontTenant());
  });

  const refused = async (res: Response, code = "invalid_token") => {
    expect(res.status).toBe(401);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe(code);
    expect(body.error.requestId).toBeTruthy();
    // The extension reads the refusal too: it carries the CORS header.
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    return body;
  };

  it.each(PATHS)("answers %s for a valid token", async (path) => {
    const res = await checkoutFetch(shop, path);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
  });

  it.each(PATHS)("refuses %s without a token", async (path) => {
    const body = await refused(await checkoutFetch(shop, path, { token: null }), "unauthorized");
    expect(body.error.message).toContain("sessionToken");
  });

  it("refuses a token signed with another secret", async () => {
    const token = await sim().extensionSessionToken(shop, { secret: "not-the-app-secret" });
    expect((await refused(await checkoutFetch(shop, PATHS[0]!, { token }))).error.message).toContain("bad signature");
  });

  it("refuses a token for another app (aud)", async () => {
    const token = await sim().extensionSessionToken(shop, { apiKey: "someone-elses-client-id" });
    expect((await refused(await checkoutFetch(shop, PATHS[0]!, { token }))).error.message).toContain("wrong audience");
  });

  it("refuses a token whose dest is a shop without SegOps installed", async () => {
    const { shop: stranger } = await sim().createShop({ size: { products: 0, customers: 0, orders: 0, abandonedCheckouts: 0 } });
    const token = await sim().extensionSessionToken(stranger);
    expect((await refused(await checkoutFetch(stranger, PATHS[0]!, { token }))).error.message).toContain("not installed");
  });

  it("refuses a token of a shop that uninstalled SegOps", async () => {
    const gone = await seedTenant({ status: "uninstalled" });
    await sim().createShop({ shop: gone.shop, size: { products: 0, customers: 0, orders: 0, abandonedCheckouts: 0 } });
    await refused(await checkoutFetch(gone.shop, PATHS[0]!));
  });

  it("refuses a dest that is not a shop domain, and an App Bridge (admin) token", async () => {
    const token = await sim().extensionSessionToken(shop, { dest: `https://${shop}` });
    expect((await refused(await checkoutFetch(shop, PATHS[0]!, { token }))).error.message).toContain("wrong shop");
    const adminToken = await sim().sessionToken(shop);
    expect((await refused(await checkoutFetch(shop, PATHS[0]!, { token: adminToken }))).error.message).toContain("wrong shop");
  });

  it("refuses an expired token, beyond the 10 s skew", async () => {
    const token = await sim().extensionSessionToken(shop, { expiresInSeconds: -11 });
    expect((await refused(await checkoutFetch(shop, PATHS[0]!, { token }))).error.message).toContain("expired");
  });

  it("refuses a token not valid yet (nbf in the future), and takes one within the skew", async () => {
    const early = await sim().extensionSessionToken(shop, { notBeforeInSeconds: 60 });
    await refused(await checkoutFetch(shop, PATHS[0]!, { token: early }));
    const skewed = await sim().extensionSessionToken(shop, { notBeforeInSeconds: 5 });
    expect((await checkoutFetch(shop, PATHS[0]!, { token: skewed })).status).toBe(200);
  });

  it("refuses a sub that is not a customer gid", async () => {
    const token = await sim().extensionSessionToken(shop, { customerId: "x" });
    await refused(await checkoutFetch(shop, PATHS[0]!, { token }));
  });

  it("refuses a malformed token", async () => {
    await refused(await checkoutFetch(shop, PATHS[0]!, { token: "not.a.jwt" }));
  });
});

describe("/checkout/v1/*: CORS for the extensions", () => {
  it.each(PATHS)("answers the preflight of %s with exactly GET and Authorization, before any token", async (path) => {
    const res = await appFetch(`/checkout/v1${path}`, {
      method: "OPTIONS",
      headers: { Origin: EXTENSION_ORIGIN, "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "authorization" },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(res.headers.get("Access-Control-Allow-Methods")).toBe("GET");
    expect(res.headers.get("Access-Control-Allow-Headers")).toBe("Authorization");
    expect(res.headers.get("Access-Control-Allow-Credentials")).toBeNull();
  });

  it("answers the sandbox's opaque origin (null) the same way", async () => {
    const res = await appFetch("/checkout/v1/thank-you", { method: "OPTIONS", headers: { Origin: "null", "Access-Control-Request-Method": "GET" } });
    expect(res.status).toBe(204);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
  });

  it("adds no CORS header to the app's other surfaces", async () => {
    const res = await appFetch("/admin/api/bootstrap", { method: "OPTIONS", headers: { Origin: EXTENSION_ORIGIN, "Access-Control-Request-Method": "GET" } });
    expect(res.headers.get("Access-Control-Allow-Origin")).toBeNull();
  });

  it("allows no other method", async () => {
    const { shop } = await storefrontTenant();
    const token = await sim().extensionSessionToken(shop);
    const res = await appFetch("/checkout/v1/thank-you", { method: "POST", headers: { Authorization: `Bearer ${token}`, Origin: EXTENSION_ORIGIN } });
    expect([404, 405]).toContain(res.status);
  });
});
