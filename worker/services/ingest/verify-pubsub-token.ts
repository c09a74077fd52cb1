import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from "jose";
import { err, ok, type Result } from "../../lib/result.ts";

export type PubsubTokenRefusal = {
  reason: "missing" | "bad_signature" | "expired" | "wrong_issuer" | "wrong_audience" | "wrong_service_account" | "email_unverified" | "malformed";
};

const GOOGLE_ISSUERS = ["https://accounts.google.com", "accounts.google.com"];
const CLOCK_SKEW_SECONDS = 60;
const keySets = new Map<string, JWTVerifyGetKey>();

/** Google's signing keys, fetched once per isolate and URL; jose refetches when a token names an unknown `kid`. */
export function pubsubKeySet(jwksUrl: string): JWTVerifyGetKey {
  let keys = keySets.get(jwksUrl);
  if (!keys) {
    keys = createRemoteJWKSet(new URL(jwksUrl));
    keySets.set(jwksUrl, keys);
  }
  return keys;
}

/** The Pub/Sub push OIDC token (reference §1.5): RS256 over the JWKS, issuer, audience, expiry, the push account. */
export async function verifyPubsubToken(
  token: string | null,
  keys: JWTVerifyGetKey,
  expected: { audience: string; serviceAccount: string },
): Promise<Result<JWTPayload, PubsubTokenRefusal>> {
  if (!token) return err({ reason: "missing" });
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, keys, {
      algorithms: ["RS256"],
      issuer: GOOGLE_ISSUERS,
      audience: expected.audience,
      requiredClaims: ["exp", "iat", "email"],
      clockTolerance: CLOCK_SKEW_SECONDS,
    }));
  } catch (error) {
    return err({ reason: refusalOf(error) });
  }
  if (payload.email !== expected.serviceAccount) return err({ reason: "wrong_service_account" });
  if (payload.email_verified !== true) return err({ reason: "email_unverified" });
  return ok(payload);
}

function refusalOf(error: unknown): PubsubTokenRefusal["reason"] {
  if (error instanceof errors.JWTExpired) return "expired";
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "iss") return "wrong_issuer";
    if (error.claim === "aud") return "wrong_audience";
    return "malformed";
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) return "bad_signature";
  return "malformed";
}
