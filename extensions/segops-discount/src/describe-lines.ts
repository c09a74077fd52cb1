import type { CartLineInput } from "./function-types.ts";

/** A cart line reduced to what rules compare: numeric ids, collections it belongs to, its subtotal. */
export type DescribedLine = {
  id: string;
  subtotal: number;
  giftCard: boolean;
  productId: string | null;
  variantId: string | null;
  collectionIds: Set<string>;
};

/** `gid://shopify/Product/123` → `123`; the configuration names ids by their number to stay small. */
export const numericId = (gid: string): string => gid.slice(gid.lastIndexOf("/") + 1);

export function describeLines(lines: CartLineInput[]): DescribedLine[] {
  return lines.map((line) => {
    const subtotal = Number(line.cost.subtotalAmount.amount);
    const base = { id: line.id, subtotal: Number.isFinite(subtotal) ? subtotal : 0 };
    const merchandise = line.merchandise;
    if (merchandise.__typename !== "ProductVariant") {
      return { ...base, giftCard: false, productId: null, variantId: null, collectionIds: new Set<string>() };
    }
    const collections = merchandise.product.inCollections.filter((entry) => entry.isMember).map((entry) => numericId(entry.collectionId));
    return {
      ...base,
      giftCard: merchandise.product.isGiftCard,
      productId: numericId(merchandise.product.id),
      variantId: numericId(merchandise.id),
      collectionIds: new Set(collections),
    };
  });
}
