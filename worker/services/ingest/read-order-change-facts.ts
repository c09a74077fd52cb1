import { z } from "zod";
import type { Result } from "../../lib/result.ts";
import type { FulfillmentFact, OrderEditFact, RefundFact } from "./facts.ts";
import { money, optionalId, quantity, shopifyId, text, timestamp, upper } from "../../shopify/payload/read-fields.ts";
import { readWith, type Unmappable } from "../../shopify/payload/read-result.ts";

const RefundPayloadSchema = z.object({
  id: shopifyId,
  order_id: shopifyId,
  note: text,
  created_at: timestamp,
  processed_at: timestamp,
  transactions: z.array(z.object({ kind: text, status: text, amount: money, currency: text })).nullish(),
  refund_line_items: z.array(z.object({ line_item_id: optionalId, quantity: quantity, subtotal: money })).nullish(),
});

/** `refunds/create`: the amount is what the refund transactions moved, else the refunded lines' subtotal. */
export function readRefundFact(payload: unknown): Result<RefundFact, Unmappable> {
  const read = readWith(RefundPayloadSchema, payload, "refund");
  if (!read.ok) return read;
  const refund = read.value;
  const moved = (refund.transactions ?? []).filter((tx) => tx.kind === "refund" && (tx.status === null || tx.status === "success"));
  const lines = (refund.refund_line_items ?? []).map((line) => ({ lineItemId: line.line_item_id, quantity: line.quantity, subtotal: line.subtotal }));
  const amount = moved.length > 0 ? moved.reduce((sum, tx) => sum + (tx.amount ?? 0), 0) : lines.reduce((sum, line) => sum + (line.subtotal ?? 0), 0);
  return {
    ok: true,
    value: {
      refundId: refund.id,
      orderId: refund.order_id,
      amount: Math.round(amount * 100) / 100,
      currency: upper(moved.find((tx) => tx.currency)?.currency ?? null),
      note: refund.note,
      lineItems: lines,
      createdAt: refund.created_at ?? refund.processed_at,
    },
  };
}

const FulfillmentPayloadSchema = z.object({
  id: shopifyId,
  order_id: shopifyId,
  status: text,
  shipment_status: text,
  tracking_company: text,
  tracking_numbers: z.array(z.string()).nullish(),
  line_items: z.array(z.object({ id: optionalId })).nullish(),
  created_at: timestamp,
  updated_at: timestamp,
});

/** `fulfillments/create|update`. */
export function readFulfillmentFact(payload: unknown): Result<FulfillmentFact, Unmappable> {
  const read = readWith(FulfillmentPayloadSchema, payload, "fulfillment");
  if (!read.ok) return read;
  const fulfillment = read.value;
  return {
    ok: true,
    value: {
      fulfillmentId: fulfillment.id,
      orderId: fulfillment.order_id,
      status: fulfillment.status,
      shipmentStatus: fulfillment.shipment_status,
      trackingCompany: fulfillment.tracking_company,
      trackingNumbers: fulfillment.tracking_numbers ?? [],
      lineItemIds: (fulfillment.line_items ?? []).flatMap((line) => (line.id ? [line.id] : [])),
      createdAt: fulfillment.created_at,
      updatedAt: fulfillment.updated_at,
    },
  };
}

const EditedLines = z
  .array(z.object({ id: shopifyId, delta: quantity }))
  .nullish()
  .transform((lines) => (lines ?? []).map((line) => ({ lineItemId: line.id, delta: line.delta })));

const OrderEditPayloadSchema = z.object({
  order_edit: z.object({
    id: shopifyId,
    order_id: shopifyId,
    committed_at: timestamp,
    created_at: timestamp,
    line_items: z.object({ additions: EditedLines, removals: EditedLines }).nullish(),
  }),
});

/** `orders/edited`: which lines an order edit added and removed. */
export function readOrderEditFact(payload: unknown): Result<OrderEditFact, Unmappable> {
  const read = readWith(OrderEditPayloadSchema, payload, "order edit");
  if (!read.ok) return read;
  const edit = read.value.order_edit;
  return {
    ok: true,
    value: {
      orderEditId: edit.id,
      orderId: edit.order_id,
      added: edit.line_items?.additions ?? [],
      removed: edit.line_items?.removals ?? [],
      committedAt: edit.committed_at ?? edit.created_at,
    },
  };
}
