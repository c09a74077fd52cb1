import type { IdKind } from "../types.ts";

/** Id ranges per resource, within Shopify's real 1e12–1e13 band (all below 2^53). */
export const ID_BASES: Record<IdKind, number> = {
  misc: 1_204_000_000_000,
  refund: 1_903_000_000_000,
  image: 2_405_000_000_000,
  checkout: 3_106_000_000_000,
  variant: 4_207_000_000_000,
  order: 5_108_000_000_000,
  customer: 6_209_000_000_000,
  product: 7_101_000_000_000,
  address: 8_302_000_000_000,
  line: 9_003_000_000_000,
};

export function takeId(next: Record<IdKind, number>, kind: IdKind, step = 1): string {
  const id = next[kind];
  next[kind] = id + Math.max(1, step);
  return String(id);
}
