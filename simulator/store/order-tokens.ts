import { derivedToken } from "../lib/prng.ts";
import type { OrderRecord, ShopState } from "../types.ts";
import { cartTokenFor } from "./generate-checkouts.ts";

/** Generated orders derive their checkout/cart tokens; orders recorded through the control API may carry their own. */
export function orderTokens(shop: ShopState, order: OrderRecord) {
  return {
    token: derivedToken(`${shop.seed}:order:${order.id}`),
    checkoutToken: order.checkoutToken ?? derivedToken(`${shop.seed}:checkout:${order.id}`),
    cartToken: order.cartToken ?? cartTokenFor(`${shop.seed}:cart:${order.id}`),
    checkoutId: order.checkoutId ?? String(Number(order.id) - 2_000_000_000_000),
  };
}
