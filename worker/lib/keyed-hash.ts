import { base64ToBytes, base64UrlToBytes, bytesToBase64Url, bytesToHex, utf8 } from "./encoding.ts";
import { isolateMemo } from "./isolate-memo.ts";

/** What a subkey is for: each purpose has its own HKDF label, so no two purposes ever share a key. */
export type KeyedHashPurpose = "privacy-subject/v1" | "privacy-tombstone/v1" | "privacy-export-link/v1";

// HKDF subkeys of TOKEN_ENCRYPTION_KEY (as the pixel token's), keyed in the memo by purpose then key.
const subkey = isolateMemo(async (purposeAndKey) => {
  const separator = purposeAndKey.indexOf("\n");
  const master = await crypto.subtle.importKey(
    "raw",
    base64ToBytes(purposeAndKey.slice(separator + 1)) as Uint8Array<ArrayBuffer>,
    "HKDF",
    false,
    ["deriveKey"],
  );
  return crypto.subtle.deriveKey(
    { name: "HKDF", hash: "SHA-256", salt: utf8("segops"), info: utf8(purposeAndKey.slice(0, separator)) },
    master,
    { name: "HMAC", hash: "SHA-256", length: 256 },
    false,
    ["sign", "verify"],
  );
});

const keyFor = (encryptionKey: string, purpose: KeyedHashPurpose) => subkey(`${purpose}\n${encryptionKey}`);

/** HMAC-SHA256 of `message` under the purpose's subkey, as hex: stable, so it can be stored and looked up. */
export async function keyedHash(encryptionKey: string, purpose: KeyedHashPurpose, message: string): Promise<string> {
  return bytesToHex(new Uint8Array(await crypto.subtle.sign("HMAC", await keyFor(encryptionKey, purpose), utf8(message))));
}

/** The same HMAC as base64url, for signatures carried in URLs. */
export async function keyedSignature(encryptionKey: string, purpose: KeyedHashPurpose, message: string): Promise<string> {
  return bytesToBase64Url(new Uint8Array(await crypto.subtle.sign("HMAC", await keyFor(encryptionKey, purpose), utf8(message))));
}

/** Checks a `keyedSignature` in constant time (WebCrypto's verify). */
export async function verifyKeyedSignature(encryptionKey: string, purpose: KeyedHashPurpose, message: string, signature: string): Promise<boolean> {
  const bytes = base64UrlToBytes(signature);
  if (!bytes) return false;
  return crypto.subtle.verify("HMAC", await keyFor(encryptionKey, purpose), bytes as Uint8Array<ArrayBuffer>, utf8(message));
}
