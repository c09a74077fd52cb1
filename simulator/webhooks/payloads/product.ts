import { gid, rawId } from "../../lib/ids.ts";
import { restMoney } from "../../lib/money.ts";
import { restTime } from "../../lib/time.ts";
import type { ProductRecord, ShopState } from "../../types.ts";

/** A `products/*` event, its payload carrying the product's metafields when the subscription asks for them. */
export function productEvent(shop: ShopState, product: ProductRecord, topic: "products/create" | "products/update") {
  return { topic, payload: productPayload(shop, product), owner: gid("Product", product.id) };
}

export function productPayload(shop: ShopState, product: ProductRecord) {
  const offset = shop.settings.utcOffsetMinutes;
  const variants = product.variants.map((index, position) => {
    const variant = shop.variants[index]!;
    return {
      id: rawId(variant.id),
      admin_graphql_api_id: gid("ProductVariant", variant.id),
      product_id: rawId(product.id),
      title: variant.title,
      price: restMoney(variant.priceCents),
      compare_at_price: variant.compareAtCents === null ? null : restMoney(variant.compareAtCents),
      sku: variant.sku,
      barcode: variant.barcode,
      position: position + 1,
      inventory_policy: "deny",
      inventory_quantity: variant.inventory,
      old_inventory_quantity: variant.inventory,
      inventory_item_id: null,
      image_id: null,
      option1: variant.options[0] ?? null,
      option2: variant.options[1] ?? null,
      option3: variant.options[2] ?? null,
      taxable: true,
      created_at: restTime(variant.createdAt, offset),
      updated_at: restTime(variant.updatedAt, offset),
    };
  });
  const images = product.images.map((image, position) => ({
    id: rawId(image.id),
    admin_graphql_api_id: gid("ProductImage", image.id),
    product_id: rawId(product.id),
    position: position + 1,
    alt: image.alt,
    width: image.width,
    height: image.height,
    src: image.src,
    variant_ids: [],
    created_at: restTime(product.createdAt, offset),
    updated_at: restTime(product.updatedAt, offset),
  }));
  return {
    id: rawId(product.id),
    admin_graphql_api_id: gid("Product", product.id),
    title: product.title,
    body_html: product.bodyHtml,
    vendor: product.vendor ?? "",
    product_type: product.productType ?? "",
    handle: product.handle,
    status: product.status.toLowerCase(),
    tags: product.tags.join(", "),
    template_suffix: null,
    published_scope: "web",
    category: null,
    created_at: restTime(product.createdAt, offset),
    updated_at: restTime(product.updatedAt, offset),
    published_at: product.publishedAt === null ? null : restTime(product.publishedAt, offset),
    options: product.options.map((option, position) => ({ id: rawId(String(Number(product.id) + position + 1)), product_id: rawId(product.id), name: option.name, position: position + 1, values: option.values })),
    variants,
    variant_gids: variants.map((variant) => ({ admin_graphql_api_id: variant.admin_graphql_api_id, updated_at: new Date(shop.variants[product.variants[0]!]!.updatedAt).toISOString() })),
    images,
    image: images[0] ?? null,
    media: product.images.map((image) => ({ id: rawId(image.mediaId), admin_graphql_api_id: gid("MediaImage", image.mediaId), alt: image.alt, media_content_type: "IMAGE" })),
    has_variants_that_requires_components: false,
  };
}
