import { base64ToBytes } from "../lib/encoding.ts";
import { verifyHmacSha256 } from "./hmac.ts";

/**
 * Verifies `X-Shopify-Hmac-Sha256` (base64 HMAC-SHA256 of the raw body bytes). Both the current and the
 * previous secret are accepted, because Shopify keeps signing with the old one for up to an hour after rotation.
 */
export function verifyWebhookHmac(rawBody: ArrayBuffer, header: string | undefined, secrets: readonly string[]): Promise<boolean> {
  if (!header) return Promise.resolve(false);
  return verifyHmacSha256(secrets, rawBody, base64ToBytes(header.trim()) as Uint8Array<ArrayBuffer> | null);
}
