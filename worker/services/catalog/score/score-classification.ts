import type { Criterion, Shortfall } from "./score-types.ts";

const POINTS = { productType: 3, vendor: 2, tags: 2 };

/** Type, vendor and tags (7): product type 3, vendor 2, at least one tag 2. */
export const scoreClassification: Criterion = {
  name: "classification",
  weight: 7,
  check: ({ productType, vendor, tags }) => {
    const misses: Shortfall[] = [];
    if (productType === null) {
      misses.push({ code: "product_type_missing", points: POINTS.productType, message: "Set the product type (e.g. Socks): assistants place the product in a category by it." });
    }
    if (vendor === null) misses.push({ code: "vendor_missing", points: POINTS.vendor, message: "Set the vendor: the brand is what many shoppers ask for." });
    if (tags.length === 0) misses.push({ code: "tags_missing", points: POINTS.tags, message: "Add tags for the product's use, style and audience." });
    return misses;
  },
};
