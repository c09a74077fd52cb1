import { gid, rawId } from "../../lib/ids.ts";
import { restMoney, restMoneySet } from "../../lib/money.ts";
import { restTime } from "../../lib/time.ts";
import { fulfillmentStatus } from "../../store/fulfillment-status.ts";
import { orderTokens } from "../../store/order-tokens.ts";
import type { OrderRecord, ShopState } from "../../types.ts";
import { embeddedCustomer, restAddress } from "./customer.ts";
import { orderLineItems } from "./line-items.ts";
import { refundPayload } from "./refund.ts";

const FINANCIAL: Record<OrderRecord["financial"], string> = {
  PAID: "paid",
  PENDING: "pending",
  PARTIALLY_REFUNDED: "partially_refunded",
  REFUNDED: "refunded",
  VOIDED: "voided",
};

export function orderPayload(shop: ShopState, order: OrderRecord) {
  const offset = shop.settings.utcOffsetMinutes;
  const time = (ms: number | null) => (ms === null ? null : restTime(ms, offset));
  const money = (cents: number) => restMoney(cents);
  const tokens = orderTokens(shop, order);
  const customer = shop.customers[order.customer];
  const address = customer ? restAddress(customer) : null;
  const current = order.cancelledAt === null ? order.totalCents - order.refundedCents : 0;
  return {
    id: rawId(order.id),
    admin_graphql_api_id: gid("Order", order.id),
    app_id: 580111,
    browser_ip: null,
    buyer_accepts_marketing: customer?.marketingState === "SUBSCRIBED",
    cancel_reason: order.cancelReason,
    cancelled_at: time(order.cancelledAt),
    cart_token: tokens.cartToken,
    checkout_id: rawId(tokens.checkoutId),
    checkout_token: tokens.checkoutToken,
    closed_at: time(order.closedAt),
    confirmation_number: tokens.token.slice(0, 9).toUpperCase(),
    confirmed: true,
    contact_email: order.email,
    created_at: time(order.createdAt),
    currency: shop.currency,
    current_subtotal_price: money(Math.min(order.subtotalCents, current)),
    current_total_discounts: "0.00",
    current_total_price: money(current),
    current_total_price_set: restMoneySet(current, shop.currency),
    current_total_tax: money(order.cancelledAt === null ? order.taxCents : 0),
    customer_locale: "en",
    email: order.email ?? "",
    financial_status: FINANCIAL[order.financial],
    fulfillment_status: fulfillmentStatus(order),
    landing_site: "/",
    name: `#${order.number}`,
    note: null,
    note_attributes: [],
    number: order.number - 1000,
    order_number: order.number,
    order_status_url: `https://${shop.domain}/${shop.numericId}/orders/${tokens.token}/authenticate?key=${tokens.checkoutToken}`,
    phone: customer?.phone ?? null,
    presentment_currency: shop.currency,
    processed_at: time(order.processedAt),
    source_name: order.sourceName,
    subtotal_price: money(order.subtotalCents),
    subtotal_price_set: restMoneySet(order.subtotalCents, shop.currency),
    tags: (order.tags ?? []).join(", "),
    taxes_included: false,
    test: false,
    token: tokens.token,
    total_discounts: "0.00",
    total_line_items_price: money(order.subtotalCents),
    total_outstanding: money(order.financial === "PENDING" ? order.totalCents : 0),
    total_price: money(order.totalCents),
    total_price_set: restMoneySet(order.totalCents, shop.currency),
    total_shipping_price_set: restMoneySet(order.shippingCents, shop.currency),
    total_tax: money(order.taxCents),
    total_weight: 0,
    updated_at: time(order.updatedAt),
    user_id: null,
    billing_address: address,
    shipping_address: address,
    customer: customer ? embeddedCustomer(shop, customer) : null,
    discount_codes: [],
    line_items: orderLineItems(shop, order),
    refunds: (order.refunds ?? []).map((refund) => refundPayload(shop, order, refund)),
    shipping_lines: order.shippingCents > 0 ? [{ code: "Standard", price: money(order.shippingCents), title: "Standard", source: "shopify" }] : [],
    tax_lines: [],
  };
}
