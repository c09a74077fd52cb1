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

export interface ExtensionSessionTokenOptions {
  /** The buyer's customer id: Shopify adds `sub` only for a logged-in buyer when the app may read customer data. */
  customerId?: string;
  expiresInSeconds?: number;
  /** Seconds from now until the token is valid (`nbf`); Shopify's tokens are valid from the moment they are issued. */
  notBeforeInSeconds?: number;
  apiKey?: string;
  secret?: string;
  /** Another `dest`, to play a token of a shop that is not this one. */
  dest?: string;
}

/** A checkout or customer account UI extension's token (`shopify.sessionToken.get()`): HS256, 5 minutes, bare-domain `dest`, no `iss`. */
export function mintExtensionSessionToken(shop: string, app: { apiKey: string; apiSecret: string }, options: ExtensionSessionTokenOptions = {}): string {
  const now = Math.floor(Date.now() / 1000);
  return signHs256(
    {
      dest: options.dest ?? shop,
      aud: options.apiKey ?? app.apiKey,
      exp: now + (options.expiresInSeconds ?? 300),
      nbf: now + (options.notBeforeInSeconds ?? 0),
      iat: now,
      jti: randomUUID(),
      ...(options.customerId ? { sub: `gid://shopify/Customer/${options.customerId}` } : {}),
    },
    options.secret ?? app.apiSecret,
  );
}
