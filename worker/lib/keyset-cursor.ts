import { base64UrlToBytes, bytesToBase64Url, utf8 } from "./encoding.ts";

/** The position after the last row of a page ordered by (time, id) descending; opaque to API clients. */
export type KeysetCursor = { at: number; id: string };

export function encodeKeysetCursor(cursor: KeysetCursor): string {
  return bytesToBase64Url(utf8(JSON.stringify([cursor.at, cursor.id])));
}

export function decodeKeysetCursor(text: string): KeysetCursor | null {
  try {
    const [at, id] = JSON.parse(new TextDecoder().decode(base64UrlToBytes(text) ?? new Uint8Array())) as unknown[];
    return typeof at === "number" && typeof id === "string" ? { at, id } : null;
  } catch {
    return null;
  }
}
