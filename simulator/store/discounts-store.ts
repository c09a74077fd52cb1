import type { ShopState } from "../types.ts";

export type CombinesWith = { orderDiscounts: boolean; productDiscounts: boolean; shippingDiscounts: boolean };

/** An automatic app discount: Shopify runs its Function at checkout with its metafields as configuration. */
export interface AppDiscountRecord {
  id: string;
  title: string;
  functionHandle: string;
  discountClasses: string[];
  startsAt: number;
  endsAt: number | null;
  combinesWith: CombinesWith;
  /** By `namespace.key`, as the app wrote them (`$app:` namespaces stay as written, as both sides name them so). */
  metafields: Map<string, { namespace: string; key: string; type: string; value: string }>;
  createdAt: number;
  updatedAt: number;
}

export interface ShopDiscounts {
  discounts: Map<string, AppDiscountRecord>;
  /** Collection id → product ids: what `inCollections` answers from. */
  collections: Map<string, { title: string; productIds: Set<string> }>;
}

// Kept beside the shop rather than in ShopState, so discounts stay one module's concern.
const byShop = new WeakMap<ShopState, ShopDiscounts>();

export function shopDiscounts(shop: ShopState): ShopDiscounts {
  let state = byShop.get(shop);
  if (!state) {
    state = { discounts: new Map(), collections: new Map() };
    byShop.set(shop, state);
  }
  return state;
}

export function discountStatus(record: AppDiscountRecord, now: number): "ACTIVE" | "EXPIRED" | "SCHEDULED" {
  if (record.endsAt !== null && record.endsAt <= now) return "EXPIRED";
  return record.startsAt > now ? "SCHEDULED" : "ACTIVE";
}

export const discountGid = (id: string) => `gid://shopify/DiscountAutomaticNode/${id}`;
export const collectionGid = (id: string) => `gid://shopify/Collection/${id}`;
