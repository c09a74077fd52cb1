import { appFetch, sim } from "./harness.ts";

/** Where Shopify serves checkout and customer account UI extensions from: their fetches carry this Origin. */
export const EXTENSION_ORIGIN = "https://extensions.shopifycdn.com";

export type CheckoutFetchOptions = { token?: string | null; customerId?: string };

/** A UI extension's fetch of `/checkout/v1${path}` with `shopify.sessionToken.get()`'s token, minted by the simulator. */
export async function checkoutFetch(shop: string, path: string, options: CheckoutFetchOptions = {}): Promise<Response> {
  const token = options.token !== undefined ? options.token : await sim().extensionSessionToken(shop, options.customerId ? { customerId: options.customerId } : {});
  const headers: Record<string, string> = { Origin: EXTENSION_ORIGIN };
  if (token) headers.Authorization = `Bearer ${token}`;
  return appFetch(`/checkout/v1${path}`, { headers });
}
