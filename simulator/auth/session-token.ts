import { randomUUID } from "node:crypto";
import { signHs256 } from "../lib/jwt.ts";

export interface SessionTokenOptions {
  sub?: string;
  expiresInSeconds?: number;
  apiKey?: string;
  secret?: string;
  sid?: string;
}

/** App Bridge id token: HS256 with the app secret, 1 minute, `dest` with scheme. */
export function mintSessionToken(shop: string, app: { apiKey: string; apiSecret: string }, options: SessionTokenOptions = {}): string {
  const now = Math.floor(Date.now() / 1000);
  return signHs256(
    {
      iss: `https://${shop}/admin`,
      dest: `https://${shop}`,
      aud: options.apiKey ?? app.apiKey,
      sub: options.sub ?? "42",
      exp: now + (options.expiresInSeconds ?? 60),
      nbf: now - 1,
      iat: now - 1,
      jti: randomUUID(),
      sid: options.sid ?? randomUUID().replace(/-/g, ""),
    },
    options.secret ?? app.apiSecret,
  );
}
