import type { Prng } from "../lib/prng.ts";
import { DAY } from "../lib/time.ts";
import type { IdKind, ProductRecord, ProductStatus, VariantRecord } from "../types.ts";
import { takeId } from "./next-id.ts";
import { COLORS, MATERIALS, PRODUCT_ADJECTIVES, PRODUCT_NOUNS, PRODUCT_TAGS, PRODUCT_TYPES, SIZES, VENDORS } from "./word-lists.ts";

const APPAREL = new Set(["Hoodie", "T-Shirt", "Jacket", "Beanie", "Socks", "Sneakers"]);

export function describeProduct(prng: Prng, title: string): string {
  const material = prng.pick(MATERIALS);
  const depth = prng.weighted([[0, 10], [1, 30], [2, 35], [3, 25]] as const);
  if (depth === 0) return "";
  const intro = `<p>The ${title} is made from ${material}.</p>`;
  if (depth === 1) return intro;
  const features = `<ul><li>${material} build</li><li>Ships in 2 days</li><li>30-day returns</li></ul>`;
  if (depth === 2) return `${intro}${features}`;
  return `<h2>Why you will love it</h2>${intro}<p>Designed for daily use and tested outdoors.</p>${features}<h3>Care</h3><p>Machine wash cold.</p>`;
}

export function generateProducts(prng: Prng, count: number, now: number, next: Record<IdKind, number>) {
  const products: ProductRecord[] = [];
  const variants: VariantRecord[] = [];
  const handles = new Set<string>();
  for (let p = 0; p < count; p++) {
    const noun = prng.pick(PRODUCT_NOUNS);
    const title = `${prng.pick(PRODUCT_ADJECTIVES)} ${noun}`;
    let handle = title.toLowerCase().replace(/[^a-z0-9]+/g, "-");
    if (handles.has(handle)) handle = `${handle}-${p}`;
    handles.add(handle);
    const createdAt = now - prng.int(1, 400) * DAY - prng.int(0, DAY);
    const updatedAt = Math.min(now, createdAt + prng.int(0, 90) * DAY);
    const id = takeId(next, "product", prng.int(1, 900));
    const options = APPAREL.has(noun)
      ? [{ name: "Size", values: SIZES.slice(0, prng.int(2, 5)) }]
      : prng.chance(0.5) ? [{ name: "Color", values: COLORS.slice(0, prng.int(2, 4)) }] : [{ name: "Title", values: ["Default Title"] }];
    const basePrice = Math.round(Math.exp(prng.next() * Math.log(80)) * 500) - 1;
    const productIndex = products.length;
    const variantIndexes: number[] = [];
    for (const value of options[0]!.values) {
      variantIndexes.push(variants.length);
      variants.push({
        id: takeId(next, "variant", prng.int(1, 900)),
        product: productIndex,
        title: value,
        options: [value],
        sku: prng.chance(0.85) ? `${handle.slice(0, 12).toUpperCase()}-${value.slice(0, 3).toUpperCase()}-${p}` : null,
        barcode: prng.chance(0.4) ? String(prng.int(100000000000, 999999999999)) : null,
        priceCents: basePrice,
        compareAtCents: prng.chance(0.2) ? Math.round(basePrice * 1.25) : null,
        inventory: prng.int(0, 200),
        grams: prng.int(50, 2000),
        createdAt,
        updatedAt,
      });
    }
    const images = Array.from({ length: prng.weighted([[0, 10], [1, 40], [2, 30], [4, 20]] as const) }, (_, i) => ({
      id: takeId(next, "image", prng.int(1, 900)),
      mediaId: takeId(next, "image", prng.int(1, 900)),
      src: `https://cdn.shopify.com/s/files/1/sim/products/${handle}-${i + 1}.jpg`,
      alt: prng.chance(0.6) ? `${title} view ${i + 1}` : null,
      width: 1200,
      height: 1200,
    }));
    products.push({
      id,
      title,
      handle,
      bodyHtml: describeProduct(prng, title),
      vendor: prng.chance(0.85) ? prng.pick(VENDORS) : null,
      productType: prng.chance(0.8) ? prng.pick(PRODUCT_TYPES) : null,
      tags: prng.chance(0.75) ? [...new Set([prng.pick(PRODUCT_TAGS), prng.pick(PRODUCT_TAGS)])] : [],
      status: prng.weighted<ProductStatus>([["ACTIVE", 85], ["DRAFT", 10], ["ARCHIVED", 5]]),
      seoTitle: prng.chance(0.6) ? `${title} | Sim Store` : null,
      seoDescription: prng.chance(0.5) ? `Shop the ${title} in ${options[0]!.values.length} options.` : null,
      options,
      variants: variantIndexes,
      images,
      createdAt,
      updatedAt,
      publishedAt: createdAt,
      deletedAt: null,
    });
  }
  return { products, variants };
}
