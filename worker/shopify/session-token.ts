import { errors, jwtVerify, type JWTPayload } from "jose";
import { utf8 } from "../lib/encoding.ts";
import { err, ok, type Result } from "../lib/result.ts";
import { idFromGid, typeFromGid } from "./gid.ts";
import { parseShopDomain } from "./shop-domain.ts";

export type SessionToken = { shop: string; userId: string | null; sessionId: string | null; raw: string };
/** A checkout or customer account UI extension's token: the shop, and the buyer's customer id when Shopify shares it. */
export type ExtensionSessionToken = { shop: string; customerId: string | null };
export type SessionTokenError = { reason: "malformed" | "bad_signature" | "expired" | "wrong_audience" | "wrong_shop" };
type VerifyOptions = { apiKey: string; secrets: readonly string[]; now?: Date };

const CLOCK_SKEW_SECONDS = 10;
const BARE_SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

/** Verifies an App Bridge session token: HS256 with the app secret(s), `aud` = API key, `exp` required and `nbf` where present, with 10 s skew, `iss` host = `dest` host. */
export async function verifySessionToken(token: string, options: VerifyOptions): Promise<Result<SessionToken, SessionTokenError>> {
  const verified = await verifyShopifyJwt(token, options);
  if (!verified.ok) return verified;
  const payload = verified.value;
  const shop = parseShopDomain(typeof payload.dest === "string" ? payload.dest : "");
  const issHost = typeof payload.iss === "string" ? safeHost(payload.iss) : null;
  if (!shop || issHost !== shop) return err({ reason: "wrong_shop" });
  return ok({
    shop,
    userId: typeof payload.sub === "string" ? payload.sub : null,
    sessionId: typeof payload.sid === "string" ? payload.sid : null,
    raw: token,
  });
}

/**
 * Verifies a checkout or customer account UI extension's token (`shopify.sessionToken.get()`): the same signature,
 * `aud` and time checks, `dest` the bare shop domain (an admin token's `dest` has a scheme and is refused), and `sub`,
 * when present, a customer gid.
 */
export async function verifyExtensionSessionToken(token: string, options: VerifyOptions): Promise<Result<ExtensionSessionToken, SessionTokenError>> {
  const verified = await verifyShopifyJwt(token, options);
  if (!verified.ok) return verified;
  const { dest, sub } = verified.value;
  if (typeof dest !== "string" || !BARE_SHOP_DOMAIN.test(dest)) return err({ reason: "wrong_shop" });
  const customerId = typeof sub === "string" && typeFromGid(sub) === "Customer" ? idFromGid(sub) : null;
  if (sub !== undefined && !(customerId && /^\d{1,20}$/.test(customerId))) return err({ reason: "malformed" });
  return ok({ shop: dest, customerId });
}

/** HS256 with the app secret (or the previous one), `exp` required, `nbf` where present, 10 s skew, `aud` = API key. */
async function verifyShopifyJwt(token: string, options: VerifyOptions): Promise<Result<JWTPayload, SessionTokenError>> {
  let lastReason: SessionTokenError["reason"] = "malformed";
  for (const secret of options.secrets) {
    try {
      const { payload } = await jwtVerify(token, utf8(secret), {
        algorithms: ["HS256"],
        clockTolerance: CLOCK_SKEW_SECONDS,
        // jose checks exp only when present: a token without one would never expire. nbf is checked where present.
        requiredClaims: ["exp"],
        ...(options.now ? { currentDate: options.now } : {}),
      });
      if (payload.aud !== options.apiKey && !(Array.isArray(payload.aud) && payload.aud.includes(options.apiKey))) {
        return err({ reason: "wrong_audience" });
      }
      return ok(payload);
    } catch (error) {
      if (error instanceof errors.JWTExpired || error instanceof errors.JWTClaimValidationFailed) return err({ reason: "expired" });
      lastReason = error instanceof errors.JWSSignatureVerificationFailed ? "bad_signature" : lastReason;
    }
  }
  return err({ reason: lastReason });
}

function safeHost(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}
