import { base64ToBytes, bytesToBase64Url, utf8 } from "../../lib/encoding.ts";
import { isolateMemo } from "../../lib/isolate-memo.ts";

/**
 * The operator token: an HKDF subkey of TOKEN_ENCRYPTION_KEY, so whoever holds the deployment's secrets can run the
 * ops commands and nobody needs another secret. Pure WebCrypto: scripts/ops computes the same value under Node.
 */
export const deriveOpsToken = isolateMemo(async (encryptionKey) => {
  const master = await crypto.subtle.importKey("raw", base64ToBytes(encryptionKey) as Uint8Array<ArrayBuffer>, "HKDF", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits({ name: "HKDF", hash: "SHA-256", salt: utf8("segops"), info: utf8("ops-token/v1") }, master, 256);
  return `ops_${bytesToBase64Url(new Uint8Array(bits))}`;
});
