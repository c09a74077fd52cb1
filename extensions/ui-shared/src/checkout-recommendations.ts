import { SEGOPS_APP_ORIGIN } from "./app-origin.ts";

export type RecommendedProduct = { productId: string; title: string; handle: string | null; imageUrl: string | null; reason: string };
export type CheckoutRecommendations = { products: RecommendedProduct[]; personalised: boolean };

/** The subset of a checkout or customer account extension's `shopify` global that both blocks read. */
export type HostLine = { merchandise: { product?: { id: string } } };
export type HostApi = {
  sessionToken: { get(): Promise<string> };
  lines: { value: HostLine[] };
  shop: { storefrontUrl?: string };
};

/** The page's products as `product_ids` (the order's lines, each once). */
export function lineProductIds(lines: readonly HostLine[]): string {
  return [...new Set(lines.flatMap((line) => (line.merchandise.product ? [line.merchandise.product.id] : [])))].slice(0, 50).join(",");
}

/**
 * Asks SegOps with a fresh session token (`sessionToken.get()` caches it until it nearly expires); null when SegOps
 * cannot answer, so the block shows nothing rather than an error on the buyer's page.
 */
export async function fetchRecommendations(host: HostApi, path: "thank-you" | "order-status", params: Record<string, string>): Promise<CheckoutRecommendations | null> {
  try {
    const token = await host.sessionToken.get();
    const res = await fetch(`${SEGOPS_APP_ORIGIN}/checkout/v1/${path}?${new URLSearchParams(params)}`, { headers: { Authorization: `Bearer ${token}` } });
    return res.ok ? ((await res.json()) as CheckoutRecommendations) : null;
  } catch {
    return null;
  }
}
