import { describe, expect, it } from "vitest";
import { utf8 } from "../../../worker/lib/encoding.ts";
import { verifyAppProxyQuery, verifyOauthQuery } from "../../../worker/shopify/verify-query-hmac.ts";
import { verifyWebhookHmac } from "../../../worker/shopify/verify-webhook-hmac.ts";
import vectors from "../../fixtures/hmac-vectors.json";

const raw = (body: string) => utf8(body).buffer;

describe("verifyWebhookHmac", () => {
  it.each(vectors.webhooks)("accepts the signature of $body", async ({ secret, body, hmac }) => {
    expect(await verifyWebhookHmac(raw(body), hmac, [secret])).toBe(true);
  });

  it("rejects the same signature over a body with one byte changed", async () => {
    const [vector] = vectors.webhooks;
    expect(await verifyWebhookHmac(raw(`${vector!.body} `), vector!.hmac, [vector!.secret])).toBe(false);
  });

  it("accepts a delivery signed with the previous secret during rotation", async () => {
    const [vector] = vectors.webhooks;
    expect(await verifyWebhookHmac(raw(vector!.body), vector!.hmac, ["new-secret", vector!.secret])).toBe(true);
  });

  it.each([undefined, "", "not base64!", "AAAA"])("rejects a malformed header %j", async (header) => {
    const [vector] = vectors.webhooks;
    expect(await verifyWebhookHmac(raw(vector!.body), header, [vector!.secret])).toBe(false);
  });
});

describe("query signatures", () => {
  it("verifies an OAuth callback hmac and refuses a changed parameter", async () => {
    const params = new URLSearchParams(`${vectors.oauth.query}&hmac=${vectors.oauth.hmac}`);
    expect(await verifyOauthQuery(params, [vectors.oauth.secret])).toBe(true);
    params.set("shop", "evil.myshopify.com");
    expect(await verifyOauthQuery(params, [vectors.oauth.secret])).toBe(false);
  });

  it("verifies an app proxy signature whatever the parameter order", async () => {
    const params = new URLSearchParams(`${vectors.appProxy.query}&signature=${vectors.appProxy.signature}`);
    expect(await verifyAppProxyQuery(params, [vectors.appProxy.secret])).toBe(true);
    expect(await verifyAppProxyQuery(params, ["wrong"])).toBe(false);
  });
});
