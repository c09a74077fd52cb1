import { gid, rawId } from "../../lib/ids.ts";
import { restTime } from "../../lib/time.ts";
import type { OrderRecord, ShopState } from "../../types.ts";
import { restAddress } from "./customer.ts";
import { orderLineItems } from "./line-items.ts";

export function fulfillmentPayload(shop: ShopState, order: OrderRecord, fulfillment: { id: string; createdAt: number }) {
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
    line_items: orderLineItems(shop, order),
    created_at: at,
    updated_at: at,
  };
}
