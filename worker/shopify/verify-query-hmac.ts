import { hexToBytes } from "../lib/encoding.ts";
import { verifyHmacSha256 } from "./hmac.ts";

function groupParams(params: URLSearchParams, exclude: readonly string[]): Map<string, string[]> {
  const grouped = new Map<string, string[]>();
  params.forEach((value, key) => {
    if (!exclude.includes(key)) grouped.set(key, [...(grouped.get(key) ?? []), value]);
  });
  return grouped;
}

/** OAuth/admin query `hmac`: hex HMAC of the other params sorted by key, `k=v` joined with `&`. */
export function oauthQueryMessage(params: URLSearchParams): string {
  return [...groupParams(params, ["hmac", "signature"])]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, values]) => `${key}=${values.join(",")}`)
    .join("&");
}

/** App proxy `signature`: hex HMAC of sorted `k=v` strings (multi-values joined with `,`) concatenated with no separator. */
export function appProxyMessage(params: URLSearchParams): string {
  return [...groupParams(params, ["signature"])]
    .map(([key, values]) => `${key}=${values.join(",")}`)
    .sort()
    .join("");
}

export function verifyOauthQuery(params: URLSearchParams, secrets: readonly string[]): Promise<boolean> {
  return verifyHmacSha256(secrets, oauthQueryMessage(params), hexToBytes(params.get("hmac") ?? "") as Uint8Array<ArrayBuffer> | null);
}

export function verifyAppProxyQuery(params: URLSearchParams, secrets: readonly string[]): Promise<boolean> {
  return verifyHmacSha256(secrets, appProxyMessage(params), hexToBytes(params.get("signature") ?? "") as Uint8Array<ArrayBuffer> | null);
}
