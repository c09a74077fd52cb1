/**
 * What an abandoned checkout's recovery URL tells about it. Two shapes are known: `/checkouts/<token>/recover?key=…`
 * (Shopify's docs sample) and `/checkouts/ac/<cart token>/recover?key=…` (checkout-extensibility stores, where the
 * store simulator puts the checkout token in `key`). (verify: on real `ac/` URLs `key` may be a separate secret.)
 */
export function readRecoveryUrl(url: string | null): { token: string | null; cartToken: string | null } {
  if (!url) return { token: null, cartToken: null };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { token: null, cartToken: null };
  }
  const key = parsed.searchParams.get("key");
  const cart = /\/checkouts\/ac\/([^/]+)\/recover/.exec(parsed.pathname);
  if (cart) return { token: key, cartToken: decodeURIComponent(cart[1]!) };
  const classic = /\/checkouts\/([^/]+)\/recover/.exec(parsed.pathname);
  return { token: classic ? decodeURIComponent(classic[1]!) : key, cartToken: null };
}
