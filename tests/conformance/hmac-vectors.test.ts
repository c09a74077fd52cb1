import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { utf8 } from "../../worker/lib/encoding.ts";
import { verifyAppProxyQuery, verifyOauthQuery } from "../../worker/shopify/verify-query-hmac.ts";
import { verifyWebhookHmac } from "../../worker/shopify/verify-webhook-hmac.ts";
import { sharedFixture } from "../helpers/shared-fixtures.ts";

type Vector = { id: string; secret: string; body?: string; full_query?: string; query?: string; message?: string; expected: string };

const file = sharedFixture("hmac/vectors.json");
const vectors = file ? (JSON.parse(file) as { upstream: Vector[] }).upstream : [];

describe.skipIf(!env.TEST_SHARED_FIXTURES)("Shopify's published HMAC vectors (../shared/fixtures/shopify/hmac)", () => {
  it("verifies the shopify-app-js webhook vector", async () => {
    const vector = vectors.find((v) => v.id === "webhook-shopify-app-js")!;
    expect(await verifyWebhookHmac(utf8(vector.body!).buffer, vector.expected, [vector.secret])).toBe(true);
  });

  it("verifies the OAuth query vector from shopify.dev", async () => {
    const vector = vectors.find((v) => v.id === "oauth-query-hmac-shopify-docs")!;
    expect(await verifyOauthQuery(new URLSearchParams(vector.full_query), [vector.secret])).toBe(true);
  });

  it("verifies the app proxy vector with a repeated parameter", async () => {
    const vector = vectors.find((v) => v.id === "app-proxy-signature-logged-in")!;
    expect(await verifyAppProxyQuery(new URLSearchParams(vector.query), [vector.secret])).toBe(true);
  });

  it("verifies the anonymous app proxy vector", async () => {
    const vector = vectors.find((v) => v.id === "app-proxy-signature-anonymous")!;
    const params = new URLSearchParams(
      "extra=1&extra=2&shop=shop-name.myshopify.com&logged_in_customer_id=&path_prefix=%2Fapps%2Fawesome_reviews&timestamp=1317327555",
    );
    params.set("signature", vector.expected);
    expect(await verifyAppProxyQuery(params, [vector.secret])).toBe(true);
  });
});
