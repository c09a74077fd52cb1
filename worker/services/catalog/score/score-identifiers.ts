import type { Criterion, Shortfall } from "./score-types.ts";

const POINTS = { barcode: 5, sku: 3 };

const lacking = (missing: number, total: number) => (missing === total ? "every variant" : `${missing} of ${total} variants`);

/** Identifiers (8): a barcode (GTIN, UPC, EAN) on every variant 5, a SKU on every variant 3; no variants misses both. */
export const scoreIdentifiers: Criterion = {
  name: "identifiers",
  weight: 8,
  check: ({ variants }) => {
    const misses: Shortfall[] = [];
    const noBarcode = variants.filter((variant) => variant.barcode === null).length;
    if (variants.length === 0 || noBarcode > 0) {
      misses.push({ code: "barcode_missing", points: POINTS.barcode, message: `Add a barcode (GTIN, UPC or EAN) to ${lacking(noBarcode, variants.length)}: assistants match the same product across stores by it.` });
    }
    const noSku = variants.filter((variant) => variant.sku === null).length;
    if (variants.length === 0 || noSku > 0) {
      misses.push({ code: "sku_missing", points: POINTS.sku, message: `Add a SKU to ${lacking(noSku, variants.length)}.` });
    }
    return misses;
  },
};
