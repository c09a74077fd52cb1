import { createHmac, createSign, timingSafeEqual, type KeyObject } from "node:crypto";

export type JwtClaims = Record<string, unknown>;

function base64url(input: string | Buffer): string {
  return Buffer.from(input).toString("base64url");
}

export function signHs256(claims: JwtClaims, secret: string): string {
  const head = `${base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }))}.${base64url(JSON.stringify(claims))}`;
  return `${head}.${createHmac("sha256", secret).update(head).digest("base64url")}`;
}

export function signRs256(claims: JwtClaims, key: KeyObject, kid: string): string {
  const head = `${base64url(JSON.stringify({ alg: "RS256", kid, typ: "JWT" }))}.${base64url(JSON.stringify(claims))}`;
  return `${head}.${createSign("RSA-SHA256").update(head).sign(key).toString("base64url")}`;
}

export type VerifyResult = { ok: true; claims: JwtClaims } | { ok: false; reason: string };

/** Verifies an HS256 JWT the way Shopify checks a session token: signature, then exp/nbf with 10 s skew. */
export function verifyHs256(token: string, secret: string, nowSeconds: number): VerifyResult {
  const parts = token.split(".");
  if (parts.length !== 3) return { ok: false, reason: "malformed token" };
  const [header, payload, signature] = parts as [string, string, string];
  const expected = createHmac("sha256", secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "bad signature" };
  let claims: JwtClaims;
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as JwtClaims;
  } catch {
    return { ok: false, reason: "malformed payload" };
  }
  if (typeof claims.exp !== "number" || claims.exp + 10 < nowSeconds) return { ok: false, reason: "token expired" };
  if (typeof claims.nbf === "number" && claims.nbf - 10 > nowSeconds) return { ok: false, reason: "token not yet valid" };
  return { ok: true, claims };
}
