import { base64ToBytes, base64UrlToBytes, bytesToBase64Url, utf8 } from "../../lib/encoding.ts";
import { isolateMemo } from "../../lib/isolate-memo.ts";
import { err, ok, type Result } from "../../lib/result.ts";

/** What a pixel token vouches for: the tenant and key that answered the handshake, and the visitor it was for. */
export type PixelTokenClaims = { tenantId: string; keyId: string; clientId: string; expiresAt: number };
export type PixelTokenRefusal = { reason: "malformed" | "bad_signature" | "expired" };

// A subkey of TOKEN_ENCRYPTION_KEY (HKDF, own label), so a pixel token never shares a key with stored secrets.
const tokenKey = isolateMemo(async (encryptionKey) => {
  const master = await crypto.subtle.importKey("raw", base64ToBytes(encryptionKey) as Uint8Array<ArrayBuffer>, "HKDF", false, ["deriveKey"]);
  return crypto.subtle.deriveKey(
    { name: "HKDF", hash: "SHA-256", salt: utf8("segops"), info: utf8("pixel-token/v1") },
    master,
    { name: "HMAC", hash: "SHA-256", length: 256 },
    false,
    ["sign", "verify"],
  );
});

/** `<base64url claims>.<base64url HMAC-SHA256>`: stateless, so the events route verifies it without D1. */
export async function signPixelToken(encryptionKey: string, claims: PixelTokenClaims): Promise<string> {
  const body = bytesToBase64Url(utf8(JSON.stringify({ t: claims.tenantId, k: claims.keyId, c: claims.clientId, e: claims.expiresAt })));
  const signature = await crypto.subtle.sign("HMAC", await tokenKey(encryptionKey), utf8(body));
  return `${body}.${bytesToBase64Url(new Uint8Array(signature))}`;
}

// Tokens this isolate has verified, per key: a visitor sends the same token with every batch for an hour, and a
// verified signature stays verified (expiry is still checked on every call). Bounded; cleared when full.
const verified = new Map<string, Map<string, PixelTokenClaims>>();
const MAX_VERIFIED = 20_000;

export async function verifyPixelToken(encryptionKey: string, token: string, now = Date.now()): Promise<Result<PixelTokenClaims, PixelTokenRefusal>> {
  let known = verified.get(encryptionKey);
  const hit = known?.get(token);
  if (hit) return hit.expiresAt <= now ? err({ reason: "expired" }) : ok(hit);
  const checked = await checkPixelToken(encryptionKey, token, now);
  if (checked.ok) {
    if (!known) {
      known = new Map();
      verified.set(encryptionKey, known);
    }
    if (known.size >= MAX_VERIFIED) known.clear();
    known.set(token, checked.value);
  }
  return checked;
}

async function checkPixelToken(encryptionKey: string, token: string, now: number): Promise<Result<PixelTokenClaims, PixelTokenRefusal>> {
  const [body, signatureText, extra] = token.split(".");
  const signature = signatureText ? base64UrlToBytes(signatureText) : null;
  if (!body || !signature || extra !== undefined) return err({ reason: "malformed" });
  const valid = await crypto.subtle.verify("HMAC", await tokenKey(encryptionKey), signature as Uint8Array<ArrayBuffer>, utf8(body));
  if (!valid) return err({ reason: "bad_signature" });
  const decoded = base64UrlToBytes(body);
  let claims: { t?: unknown; k?: unknown; c?: unknown; e?: unknown };
  try {
    claims = JSON.parse(new TextDecoder().decode(decoded ?? new Uint8Array())) as typeof claims;
  } catch {
    return err({ reason: "malformed" });
  }
  const { t, k, c, e } = claims;
  if (typeof t !== "string" || typeof k !== "string" || typeof c !== "string" || typeof e !== "number") return err({ reason: "malformed" });
  if (e <= now) return err({ reason: "expired" });
  return ok({ tenantId: t, keyId: k, clientId: c, expiresAt: e });
}
