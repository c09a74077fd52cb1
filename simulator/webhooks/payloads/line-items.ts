import { gid, rawId } from "../../lib/ids.ts";
import { restMoney, restMoneySet } from "../../lib/money.ts";
import { unfulfilledQuantities } from "../../store/fulfillment-status.ts";
import type { OrderRecord, ShopState } from "../../types.ts";

export function variantTitle(shop: ShopState, variantIndex: number): string | null {
  const variant = shop.variants[variantIndex];
  return !variant || variant.title === "Default Title" ? null : variant.title;
}

export function orderLineItem(shop: ShopState, order: OrderRecord, position: number, left = unfulfilledQuantities(order)[position]!) {
  const variantIndex = order.lines[position * 3]!;
  const quantity = order.lines[position * 3 + 1]!;
  const unit = order.lines[position * 3 + 2]!;
  const variant = shop.variants[variantIndex]!;
  const product = shop.products[variant.product]!;
  const id = String(order.lineBase + position);
  const title = variantTitle(shop, variantIndex);
  return {
    id: rawId(id),
    admin_graphql_api_id: gid("LineItem", id),
    current_quantity: quantity,
    fulfillable_quantity: left,
    fulfillment_service: "manual",
    fulfillment_status: left === 0 ? "fulfilled" : left < quantity ? "partial" : null,
    gift_card: false,
    grams: variant.grams,
    name: title ? `${product.title} - ${title}` : product.title,
    price: restMoney(unit),
    price_set: restMoneySet(unit, shop.currency),
    product_exists: product.deletedAt === null,
    product_id: rawId(product.id),
    properties: [],
    quantity,
    requires_shipping: true,
    sku: variant.sku ?? "",
    taxable: true,
    title: product.title,
    total_discount: "0.00",
    total_discount_set: restMoneySet(0, shop.currency),
    variant_id: rawId(variant.id),
    variant_inventory_management: "shopify",
    variant_title: title,
    vendor: product.vendor,
    tax_lines: [],
    duties: [],
    discount_allocations: [],
  };
}

export function orderLineItems(shop: ShopState, order: OrderRecord) {
  const left = unfulfilledQuantities(order);
  return left.map((units, position) => orderLineItem(shop, order, position, units));
}
