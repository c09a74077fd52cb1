import { createHash, generateKeyPairSync } from "node:crypto";
import { signRs256 } from "../lib/jwt.ts";
import type { PubsubKey, SimulatorOptions } from "../types.ts";

/** A fresh RSA key per simulator: stands in for Google's push-auth signing key. */
export function createPubsubKey(): PubsubKey {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = publicKey.export({ format: "jwk" }) as Record<string, unknown>;
  const kid = createHash("sha256").update(String(jwk.n)).digest("hex").slice(0, 40);
  return { kid, privateKey, jwk: { ...jwk, kid, alg: "RS256", use: "sig" } };
}

export function pubsubJwt(key: PubsubKey, pubsub: SimulatorOptions["pubsub"]): string {
  const now = Math.floor(Date.now() / 1000);
  return signRs256(
    {
      aud: pubsub.audience,
      azp: "104982733123418520512",
      email: pubsub.serviceAccount,
      email_verified: true,
      exp: now + 3600,
      iat: now,
      iss: "https://accounts.google.com",
      sub: "104982733123418520512",
    },
    key.privateKey,
    key.kid,
  );
}
