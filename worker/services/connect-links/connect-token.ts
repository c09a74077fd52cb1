import { z } from "zod";
import { base64UrlToBytes, bytesToBase64Url, utf8 } from "../../lib/encoding.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import { signHmacSha256, verifyHmacSha256 } from "../../shopify/hmac.ts";

const ClaimsSchema = z.object({ jti: z.string().min(1), tid: z.string().min(1), exp: z.number().int() });
export type ConnectClaims = z.infer<typeof ClaimsSchema>;
export type ConnectTokenError = { reason: "malformed" | "tampered" | "expired" };

/** `<claims>.<signature>`, both base64url; HMAC-SHA256 with CONNECT_LINK_SECRET. */
export async function signConnectToken(secret: string, claims: ConnectClaims): Promise<string> {
  const body = bytesToBase64Url(utf8(JSON.stringify(claims)));
  return `${body}.${bytesToBase64Url(await signHmacSha256(secret, body))}`;
}

export async function verifyConnectToken(secret: string, token: string, now = Date.now()): Promise<Result<ConnectClaims, ConnectTokenError>> {
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined) return err({ reason: "malformed" });
  if (!(await verifyHmacSha256([secret], body, base64UrlToBytes(signature) as Uint8Array<ArrayBuffer> | null))) {
    return err({ reason: "tampered" });
  }
  const bytes = base64UrlToBytes(body);
  let json: unknown = null;
  try {
    json = bytes ? JSON.parse(new TextDecoder().decode(bytes)) : null;
  } catch {
    return err({ reason: "malformed" });
  }
  const claims = ClaimsSchema.safeParse(json);
  if (!claims.success) return err({ reason: "malformed" });
  if (claims.data.exp * 1000 <= now) return err({ reason: "expired" });
  return ok(claims.data);
}
