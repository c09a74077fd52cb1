import { gid, rawId } from "../../lib/ids.ts";
import { restTime } from "../../lib/time.ts";
import type { FulfillmentRecord, OrderRecord, ShopState } from "../../types.ts";
import { restAddress } from "./customer.ts";
import { orderLineItem } from "./line-items.ts";

/** A fulfillment's line items carry the units it shipped, not the order line's whole quantity. */
function fulfilledLineItems(shop: ShopState, order: OrderRecord, fulfillment: FulfillmentRecord) {
  const items = [];
  for (let i = 0; i < fulfillment.lines.length; i += 2) items.push({ ...orderLineItem(shop, order, fulfillment.lines[i]!), quantity: fulfillment.lines[i + 1]! });
  return items;
}

export function fulfillmentPayload(shop: ShopState, order: OrderRecord, fulfillment: FulfillmentRecord) {
  const customer = shop.customers[order.customer];
  const at = restTime(fulfillment.createdAt, shop.settings.utcOffsetMinutes);
  return {
    id: rawId(fulfillment.id),
    admin_graphql_api_id: gid("Fulfillment", fulfillment.id),
    order_id: rawId(order.id),
    name: `#${order.number}.1`,
    status: "success",
    service: "manual",
    shipment_status: null,
    location_id: null,
    email: order.email,
    destination: customer ? restAddress(customer) : null,
    origin_address: null,
    receipt: {},
    tracking_company: null,
    tracking_number: null,
    tracking_numbers: [],
    tracking_url: null,
    tracking_urls: [],
    line_items: fulfilledLineItems(shop, order, fulfillment),
    created_at: at,
    updated_at: at,
  };
}
