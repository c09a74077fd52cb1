import { bytesToHex, utf8 } from "../../lib/encoding.ts";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

function randomBase62(length: number): string {
  // 248 = 4 × 62: rejecting bytes above it keeps every character equally likely.
  let out = "";
  while (out.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}

export const newPublicKey = () => `pk_live_${randomBase62(32)}`;
export const newServerKey = () => `sk_live_${randomBase62(40)}`;

export async function hashServerKey(secret: string): Promise<string> {
  return bytesToHex(new Uint8Array(await crypto.subtle.digest("SHA-256", utf8(secret))));
}

/** What the admin shows for a key it cannot reveal again: prefix and last four characters. */
export function keyHint(key: string): string {
  return `${key.slice(0, 8)}…${key.slice(-4)}`;
}
