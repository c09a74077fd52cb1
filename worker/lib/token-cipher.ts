import { base64ToBytes, base64UrlToBytes, bytesToBase64Url, utf8 } from "./encoding.ts";
import { isolateMemo } from "./isolate-memo.ts";

const VERSION = "v1";
const aesKey = isolateMemo(async (base64Key) => {
  const raw = base64ToBytes(base64Key);
  if (raw?.length !== 32) throw new Error("TOKEN_ENCRYPTION_KEY must be base64 of 32 bytes");
  return crypto.subtle.importKey("raw", raw as Uint8Array<ArrayBuffer>, "AES-GCM", false, ["encrypt", "decrypt"]);
});

/** AES-GCM with a fresh 96-bit IV; `aad` binds the ciphertext to its owner so a row copied to another tenant won't decrypt. */
export async function encryptSecret(base64Key: string, plaintext: string, aad: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ciphertext = await crypto.subtle.encrypt({ name: "AES-GCM", iv, additionalData: utf8(aad) }, await aesKey(base64Key), utf8(plaintext));
  return `${VERSION}.${bytesToBase64Url(iv)}.${bytesToBase64Url(new Uint8Array(ciphertext))}`;
}

export async function decryptSecret(base64Key: string, sealed: string, aad: string): Promise<string> {
  const [version, ivText, dataText] = sealed.split(".");
  const iv = base64UrlToBytes(ivText ?? "");
  const data = base64UrlToBytes(dataText ?? "");
  if (version !== VERSION || !iv || !data) throw new Error("Unreadable sealed secret");
  const plaintext = await crypto.subtle.decrypt(
    { name: "AES-GCM", iv: iv as Uint8Array<ArrayBuffer>, additionalData: utf8(aad) },
    await aesKey(base64Key),
    data as Uint8Array<ArrayBuffer>,
  );
  return new TextDecoder().decode(plaintext);
}
