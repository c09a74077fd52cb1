import { randomUUID } from "node:crypto";
import { signHs256 } from "../lib/jwt.ts";

export interface ExtensionTokenOptions {
  /** Numeric customer id of a logged-in buyer; becomes `sub` as a Customer gid. Absent for a guest. */
  customerId?: string;
  expiresInSeconds?: number;
  /** Seconds from now before which the token is not valid (default: already valid). */
  notBeforeInSeconds?: number;
  apiKey?: string;
  secret?: string;
  /** Claims a test wants changed (`dest` of another shop, no `nbf`, …); `null` removes one. */
  claims?: Record<string, unknown>;
}

/**
 * The session token a checkout or customer account UI extension gets from `shopify.sessionToken.get()`: HS256 with
 * the app secret, `dest` the shop domain, `aud` the API key, `sub` the buyer's Customer gid when logged in, 5 minutes.
 */
export function mintExtensionToken(shop: string, app: { apiKey: string; apiSecret: string }, options: ExtensionTokenOptions = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = {
    dest: shop,
    aud: options.apiKey ?? app.apiKey,
    exp: now + (options.expiresInSeconds ?? 300),
    nbf: now + (options.notBeforeInSeconds ?? 0),
    iat: now,
    jti: randomUUID(),
    ...(options.customerId ? { sub: `gid://shopify/Customer/${options.customerId}` } : {}),
  };
  for (const [key, value] of Object.entries(options.claims ?? {})) {
    if (value === null) delete claims[key];
    else claims[key] = value;
  }
  return signHs256(claims, options.secret ?? app.apiSecret);
}
