import { gid, rawId } from "../../lib/ids.ts";
import { restMoneySet } from "../../lib/money.ts";
import { restTime } from "../../lib/time.ts";
import type { OrderRecord, RefundRecord, ShopState } from "../../types.ts";
import { orderLineItem } from "./line-items.ts";

export function refundPayload(shop: ShopState, order: OrderRecord, refund: RefundRecord) {
  const offset = shop.settings.utcOffsetMinutes;
  const refundLines = [];
  for (let i = 0; i < refund.lines.length; i += 2) {
    const position = refund.lines[i]!;
    const quantity = refund.lines[i + 1]!;
    const subtotal = order.lines[position * 3 + 2]! * quantity;
    refundLines.push({
      id: rawId(String(Number(refund.id) + i / 2 + 1)),
      line_item_id: rawId(String(order.lineBase + position)),
      line_item: orderLineItem(shop, order, position),
      location_id: null,
      quantity,
      restock_type: "no_restock",
      subtotal: subtotal / 100,
      subtotal_set: restMoneySet(subtotal, shop.currency),
      total_tax: 0,
      total_tax_set: restMoneySet(0, shop.currency),
    });
  }
  const lineTotal = refundLines.reduce((sum, line) => sum + Math.round(line.subtotal * 100), 0);
  const adjustment = refund.amountCents - lineTotal;
  return {
    id: rawId(refund.id),
    admin_graphql_api_id: gid("Refund", refund.id),
    created_at: restTime(refund.createdAt, offset),
    note: refund.note,
    order_id: rawId(order.id),
    processed_at: restTime(refund.createdAt, offset),
    restock: false,
    user_id: null,
    duties: [],
    refund_line_items: refundLines,
    order_adjustments: adjustment > 0
      ? [{ id: rawId(String(Number(refund.id) + 500)), order_id: rawId(order.id), refund_id: rawId(refund.id), amount: (-adjustment / 100).toFixed(2), tax_amount: "0.00", kind: "refund_discrepancy", reason: "Refund discrepancy" }]
      : [],
    transactions: [{ id: rawId(String(Number(refund.id) + 900)), order_id: rawId(order.id), kind: "refund", status: "success", amount: (refund.amountCents / 100).toFixed(2), currency: shop.currency, gateway: "shopify_payments" }],
  };
}
