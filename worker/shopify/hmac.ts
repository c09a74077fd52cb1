import { utf8 } from "../lib/encoding.ts";
import { isolateMemo } from "../lib/isolate-memo.ts";

const hmacKey = isolateMemo((secret) => crypto.subtle.importKey("raw", utf8(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]));

export async function signHmacSha256(secret: string, data: BufferSource | string): Promise<Uint8Array> {
  const message = typeof data === "string" ? utf8(data) : data;
  return new Uint8Array(await crypto.subtle.sign("HMAC", await hmacKey(secret), message));
}

/** True when `signature` is HMAC-SHA256(secret, data) for any of `secrets`; crypto.subtle.verify compares in constant time. */
export async function verifyHmacSha256(
  secrets: readonly string[],
  data: BufferSource | string,
  signature: Uint8Array<ArrayBuffer> | null,
): Promise<boolean> {
  if (signature?.length !== 32) return false;
  const message = typeof data === "string" ? utf8(data) : data;
  for (const secret of secrets) {
    if (await crypto.subtle.verify("HMAC", await hmacKey(secret), signature, message)) return true;
  }
  return false;
}
