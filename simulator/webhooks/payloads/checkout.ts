import { gid, rawId } from "../../lib/ids.ts";
import { restMoney, restMoneySet } from "../../lib/money.ts";
import { restTime } from "../../lib/time.ts";
import type { CheckoutRecord, ShopState } from "../../types.ts";
import { embeddedCustomer, restAddress } from "./customer.ts";
import { variantTitle } from "./line-items.ts";

function checkoutLines(shop: ShopState, lines: number[]) {
  const items = [];
  for (let i = 0; i < lines.length; i += 2) {
    const variantIndex = lines[i]!;
    const quantity = lines[i + 1]!;
    const variant = shop.variants[variantIndex]!;
    const product = shop.products[variant.product]!;
    items.push({ variant, product, quantity, variantTitle: variantTitle(shop, variantIndex) ?? "" });
  }
  return items;
}

export function checkoutPayload(shop: ShopState, checkout: CheckoutRecord) {
  const offset = shop.settings.utcOffsetMinutes;
  const customer = shop.customers[checkout.customer];
  const total = restMoney(checkout.totalCents);
  return {
    id: rawId(checkout.id),
    token: checkout.token,
    cart_token: checkout.cartToken,
    email: checkout.email ?? customer?.email ?? null,
    gateway: null,
    buyer_accepts_marketing: customer?.marketingState === "SUBSCRIBED",
    created_at: restTime(checkout.createdAt, offset),
    updated_at: restTime(checkout.updatedAt, offset),
    completed_at: checkout.completedAt === null ? null : restTime(checkout.completedAt, offset),
    closed_at: null,
    landing_site: "/",
    note: "",
    note_attributes: [],
    referring_site: "",
    shipping_lines: [],
    taxes_included: false,
    total_weight: 0,
    currency: shop.currency,
    presentment_currency: shop.currency,
    customer_locale: "en-US",
    phone: customer?.phone ?? null,
    name: `#${checkout.id}`,
    abandoned_checkout_url: `https://${shop.domain}/${shop.numericId}/checkouts/ac/${checkout.cartToken}/recover?key=${checkout.token}`,
    discount_codes: [],
    tax_lines: [],
    source_name: "web",
    total_line_items_price: total,
    total_tax: "0.00",
    total_discounts: "0.00",
    subtotal_price: total,
    total_price: total,
    total_duties: "0.00",
    billing_address: customer ? restAddress(customer) : null,
    shipping_address: customer ? restAddress(customer) : null,
    customer: customer ? embeddedCustomer(shop, customer) : null,
    line_items: checkoutLines(shop, checkout.lines).map(({ variant, product, quantity, variantTitle }) => ({
      key: variant.id,
      product_id: rawId(product.id),
      variant_id: rawId(variant.id),
      title: product.title,
      presentment_title: product.title,
      variant_title: variantTitle,
      presentment_variant_title: variantTitle,
      sku: variant.sku ?? "",
      vendor: product.vendor,
      quantity,
      price: restMoney(variant.priceCents),
      variant_price: restMoney(variant.priceCents),
      line_price: restMoney(variant.priceCents * quantity),
      compare_at_price: null,
      grams: variant.grams,
      requires_shipping: true,
      taxable: true,
      gift_card: false,
      fulfillment_service: "manual",
      applied_discounts: [],
      discount_allocations: [],
      tax_lines: [],
      properties: {},
    })),
  };
}

export function cartPayload(shop: ShopState, cart: { token: string; lines: number[]; createdAt: number; updatedAt: number }) {
  return {
    id: cart.token,
    token: cart.token,
    note: null,
    created_at: new Date(cart.createdAt).toISOString(),
    updated_at: new Date(cart.updatedAt).toISOString(),
    line_items: checkoutLines(shop, cart.lines).map(({ variant, product, quantity }) => {
      const line = variant.priceCents * quantity;
      return {
        id: rawId(variant.id),
        key: `${variant.id}:${cart.token.slice(0, 32)}`,
        product_id: rawId(product.id),
        variant_id: rawId(variant.id),
        title: product.title,
        sku: variant.sku ?? "",
        vendor: product.vendor,
        quantity,
        price: restMoney(variant.priceCents),
        price_set: restMoneySet(variant.priceCents, shop.currency),
        original_price: restMoney(variant.priceCents),
        discounted_price: restMoney(variant.priceCents),
        line_price: restMoney(line),
        line_price_set: restMoneySet(line, shop.currency),
        original_line_price: restMoney(line),
        total_discount: "0.00",
        discounts: [],
        gift_card: false,
        grams: variant.grams,
        taxable: true,
        properties: {},
        admin_graphql_api_id: gid("ProductVariant", variant.id),
      };
    }),
  };
}
