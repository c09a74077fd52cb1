import { createHmac } from "node:crypto";

export interface AppProxyRequestOptions {
  /** The storefront's own query (`?fragment=1`), signed along with what Shopify adds. */
  query?: Record<string, string | string[]>;
  /** Numeric id of the logged-in customer; empty for a guest, as Shopify sends it. */
  customerId?: string;
  /** Unix seconds; defaults to now. */
  timestamp?: number;
  /** Signs with this instead of the app secret (tests of a wrong or previous secret). */
  secret?: string;
  subpath?: string;
}

/**
 * The query Shopify's app proxy sends: the storefront query plus `shop`, `logged_in_customer_id`, `path_prefix` and
 * `timestamp`, signed as Shopify signs it (hex HMAC-SHA256 of the sorted `key=value` strings, multi-values joined
 * with `,`, concatenated with no separator).
 */
export function signedAppProxyQuery(shop: string, apiSecret: string, options: AppProxyRequestOptions = {}): URLSearchParams {
  const params: [string, string][] = [];
  for (const [key, value] of Object.entries(options.query ?? {})) for (const one of [value].flat()) params.push([key, one]);
  params.push(
    ["shop", shop],
    ["logged_in_customer_id", options.customerId ?? ""],
    ["path_prefix", `/apps/${options.subpath ?? "segops"}`],
    ["timestamp", String(options.timestamp ?? Math.floor(Date.now() / 1000))],
  );
  const grouped = new Map<string, string[]>();
  for (const [key, value] of params) grouped.set(key, [...(grouped.get(key) ?? []), value]);
  const message = [...grouped]
    .map(([key, values]) => `${key}=${values.join(",")}`)
    .sort()
    .join("");
  const query = new URLSearchParams(params);
  query.append("signature", createHmac("sha256", options.secret ?? apiSecret).update(message).digest("hex"));
  return query;
}
