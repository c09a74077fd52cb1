import { z } from "zod";
import { base64UrlToBytes, bytesToBase64Url, utf8 } from "../../lib/encoding.ts";
import { signHmacSha256, verifyHmacSha256 } from "../../shopify/hmac.ts";

export const OAUTH_STATE_COOKIE = "segops_oauth_state";
export const OAUTH_STATE_TTL_SECONDS = 600;

const StateSchema = z.object({ nonce: z.string().min(16), shop: z.string(), connect: z.string().nullable(), exp: z.number() });
export type OAuthState = z.infer<typeof StateSchema>;

/** The authorization-code grant's state, kept in a signed cookie so the callback can prove it started here. */
export async function sealOAuthState(secret: string, state: OAuthState): Promise<string> {
  const body = bytesToBase64Url(utf8(JSON.stringify(state)));
  return `${body}.${bytesToBase64Url(await signHmacSha256(secret, `oauth-state:${body}`))}`;
}

export async function openOAuthState(secret: string, sealed: string | undefined, now = Date.now()): Promise<OAuthState | null> {
  const [body, signature] = (sealed ?? "").split(".");
  if (!body || !signature) return null;
  if (!(await verifyHmacSha256([secret], `oauth-state:${body}`, base64UrlToBytes(signature) as Uint8Array<ArrayBuffer> | null))) return null;
  try {
    const parsed = StateSchema.safeParse(JSON.parse(new TextDecoder().decode(base64UrlToBytes(body)!)));
    return parsed.success && parsed.data.exp * 1000 > now ? parsed.data : null;
  } catch {
    return null;
  }
}
