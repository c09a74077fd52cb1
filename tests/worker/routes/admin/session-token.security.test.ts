import { env } from "cloudflare:workers";
import { SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { appFetch, type InstalledShop, installShop } from "../../../helpers/harness.ts";

/** Signs a token as Shopify would, with the test app's secret, leaving out or setting the claims a test names. */
async function signToken(shop: string, claims: { exp?: number; nbf?: number; iat?: number }): Promise<string> {
  const jwt = new SignJWT({ dest: `https://${shop}`, sid: "s1" })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(`https://${shop}/admin`)
    .setAudience(env.SHOPIFY_API_KEY)
    .setSubject("42");
  if (claims.iat !== undefined) jwt.setIssuedAt(claims.iat);
  if (claims.exp !== undefined) jwt.setExpirationTime(claims.exp);
  if (claims.nbf !== undefined) jwt.setNotBefore(claims.nbf);
  return jwt.sign(new TextEncoder().encode(env.SHOPIFY_API_SECRET));
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

describe("session token claims", () => {
  // An installed shop: the app already holds its tokens, so the session token alone decides the answer.
  let installed: InstalledShop;
  beforeAll(async () => {
    installed = await installShop();
  });

  it.each([
    ["has no exp claim", () => ({ iat: nowSeconds() })],
    ["is not valid before a minute from now", () => ({ iat: nowSeconds(), nbf: nowSeconds() + 60, exp: nowSeconds() + 120 })],
    ["expired a minute ago", () => ({ iat: nowSeconds() - 120, exp: nowSeconds() - 60 })],
  ])("refuses a correctly signed token that %s", async (_label, claims) => {
    const { shop } = installed;
    const res = await appFetch("/admin/api/bootstrap", { headers: { Authorization: `Bearer ${await signToken(shop, claims())}` } });
    expect(res.status).toBe(401);
    expect(res.headers.get("x-shopify-retry-invalid-session-request")).toBe("1");
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("invalid_token");
  });

  it("accepts the same token with exp and nbf in their window", async () => {
    const { shop } = installed;
    const token = await signToken(shop, { iat: nowSeconds(), nbf: nowSeconds() - 5, exp: nowSeconds() + 60 });
    const res = await appFetch("/admin/api/bootstrap", { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
  });
});
