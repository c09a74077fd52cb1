import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

describe("embedded admin shell security", () => {
  it.each([
    ["a non-Shopify domain", "evil.example.com"],
    ["a header injection attempt", "acme.myshopify.com; script-src *"],
    ["a URL with a path", "https://acme.myshopify.com/admin"],
  ])("leaves %s out of frame-ancestors", async (_, shop) => {
    const res = await exports.default.fetch(`https://segops.test/app?shop=${encodeURIComponent(shop)}`);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/^frame-ancestors https:\/\/admin\.shopify\.com http:\/\/127\.0\.0\.1:\d+;$/);
  });

  it("keeps the shop's domain when it comes with a scheme", async () => {
    const res = await exports.default.fetch("https://segops.test/app?shop=https%3A%2F%2FAcme.myshopify.com");
    expect(res.headers.get("content-security-policy")).toMatch(/^frame-ancestors https:\/\/acme\.myshopify\.com https:\/\/admin\.shopify\.com /);
  });
});
