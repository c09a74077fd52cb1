import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWTPayload } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { verifyPubsubToken } from "../../../../worker/services/ingest/verify-pubsub-token.ts";

const expected = { audience: "https://segops.test/webhooks/pubsub", serviceAccount: "push@segops.iam.gserviceaccount.com" };
let keys: ReturnType<typeof createLocalJWKSet>;
let googleKey: CryptoKey;
let otherKey: CryptoKey;

async function token(claims: JWTPayload, options: { key?: CryptoKey; kid?: string; alg?: string; expiresIn?: string | number } = {}) {
  return new SignJWT({ email: expected.serviceAccount, email_verified: true, ...claims })
    .setProtectedHeader({ alg: options.alg ?? "RS256", kid: options.kid ?? "google-1", typ: "JWT" })
    .setIssuer((claims.iss as string | undefined) ?? "https://accounts.google.com")
    .setAudience((claims.aud as string | undefined) ?? expected.audience)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? "1h")
    .sign(options.key ?? googleKey);
}

beforeAll(async () => {
  const google = await generateKeyPair("RS256", { extractable: true });
  googleKey = google.privateKey;
  otherKey = (await generateKeyPair("RS256")).privateKey;
  keys = createLocalJWKSet({ keys: [{ ...(await exportJWK(google.publicKey)), kid: "google-1", alg: "RS256" }] });
});

describe("verifyPubsubToken", () => {
  it("accepts Google's token for our audience and push service account, under either issuer spelling", async () => {
    expect((await verifyPubsubToken(await token({}), keys, expected)).ok).toBe(true);
    expect((await verifyPubsubToken(await token({ iss: "accounts.google.com" }), keys, expected)).ok).toBe(true);
  });

  it.each([
    ["expired", { expiresIn: Math.floor(Date.now() / 1000) - 120 }, {}],
    ["wrong_audience", {}, { aud: "https://elsewhere.example/push" }],
    ["wrong_issuer", {}, { iss: "https://evil.example" }],
    ["wrong_service_account", {}, { email: "intruder@evil.iam.gserviceaccount.com" }],
    ["email_unverified", {}, { email_verified: false }],
  ] as const)("refuses a token that is %s", async (reason, options, claims) => {
    const refused = await verifyPubsubToken(await token(claims, options), keys, expected);
    expect(refused).toEqual({ ok: false, error: { reason } });
  });

  it("refuses a token signed by another key, even under Google's key id", async () => {
    expect(await verifyPubsubToken(await token({}, { key: otherKey }), keys, expected)).toEqual({ ok: false, error: { reason: "bad_signature" } });
    expect(await verifyPubsubToken(await token({}, { key: otherKey, kid: "unknown" }), keys, expected)).toEqual({ ok: false, error: { reason: "bad_signature" } });
  });

  it("refuses no token, garbage, and tokens not signed with RS256", async () => {
    expect(await verifyPubsubToken(null, keys, expected)).toEqual({ ok: false, error: { reason: "missing" } });
    expect(await verifyPubsubToken("a.b.c", keys, expected)).toEqual({ ok: false, error: { reason: "malformed" } });
    const hs = await new SignJWT({ email: expected.serviceAccount }).setProtectedHeader({ alg: "HS256" }).sign(new Uint8Array(32));
    expect((await verifyPubsubToken(hs, keys, expected)).ok).toBe(false);
  });

  it("tolerates a minute of clock skew on expiry", async () => {
    const justExpired = await token({}, { expiresIn: Math.floor(Date.now() / 1000) - 30 });
    expect((await verifyPubsubToken(justExpired, keys, expected)).ok).toBe(true);
  });
});
