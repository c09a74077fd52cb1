import { errors, jwtVerify } from "jose";
import { utf8 } from "../lib/encoding.ts";
import { err, ok, type Result } from "../lib/result.ts";
import { parseShopDomain } from "./shop-domain.ts";

export type SessionToken = { shop: string; userId: string | null; sessionId: string | null; raw: string };
export type SessionTokenError = { reason: "malformed" | "bad_signature" | "expired" | "wrong_audience" | "wrong_shop" };

const CLOCK_SKEW_SECONDS = 10;

/** Verifies an App Bridge session token: HS256 with the app secret(s), `aud` = API key, `exp` required and `nbf` where present, with 10 s skew, `iss` host = `dest` host. */
export async function verifySessionToken(
  token: string,
  options: { apiKey: string; secrets: readonly string[]; now?: Date },
): Promise<Result<SessionToken, SessionTokenError>> {
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
      const dest = typeof payload.dest === "string" ? payload.dest : "";
      const shop = parseShopDomain(dest);
      const issHost = typeof payload.iss === "string" ? safeHost(payload.iss) : null;
      if (!shop || issHost !== shop) return err({ reason: "wrong_shop" });
      return ok({
        shop,
        userId: typeof payload.sub === "string" ? payload.sub : null,
        sessionId: typeof payload.sid === "string" ? payload.sid : null,
        raw: token,
      });
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
