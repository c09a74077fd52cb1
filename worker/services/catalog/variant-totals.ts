export type VariantTotals = { priceMin: number | null; priceMax: number | null; inventoryTotal: number | null };

/** A product's price range and stock across its variants, as the catalog row keeps them; null where none is known. */
export function variantTotals(variants: readonly { price: number | null; inventory_quantity?: number | null }[]): VariantTotals {
  const prices = variants.map((variant) => variant.price).filter((price): price is number => price !== null);
  const stock = variants.map((variant) => variant.inventory_quantity).filter((count): count is number => typeof count === "number");
  return {
    priceMin: prices.length > 0 ? Math.min(...prices) : null,
    priceMax: prices.length > 0 ? Math.max(...prices) : null,
    inventoryTotal: stock.length > 0 ? stock.reduce((sum, count) => sum + count, 0) : null,
  };
}
