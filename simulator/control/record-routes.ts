import type { Context, Hono } from "hono";
import { gid, rawId } from "../lib/ids.ts";
import { restMoney } from "../lib/money.ts";
import { orderTokens } from "../store/order-tokens.ts";
import { addCheckout, buildCart, type CheckoutInput } from "../store/record-checkout.ts";
import { addCustomer, deleteCustomer, findCustomer, updateCustomer, type CustomerInput } from "../store/record-customer.ts";
import { cancelOrder, deleteOrder, fulfillOrder, refundOrder, type FulfillmentInput, type RefundInput } from "../store/change-order.ts";
import { addOrder, findOrder, type OrderInput } from "../store/record-order.ts";
import { addProduct, deleteProduct, findProduct, updateProduct, type ProductInput } from "../store/record-product.ts";
import { readJson } from "../lib/read-body.ts";
import { emitWebhooks, type WebhookEvent } from "../webhooks/emit.ts";
import { cartPayload, checkoutPayload } from "../webhooks/payloads/checkout.ts";
import { customerPayload, deletedCustomerPayload, emailConsentPayload } from "../webhooks/payloads/customer.ts";
import { fulfillmentPayload } from "../webhooks/payloads/fulfillment.ts";
import { orderPayload } from "../webhooks/payloads/order.ts";
import { productEvent } from "../webhooks/payloads/product.ts";
import { refundPayload } from "../webhooks/payloads/refund.ts";
import type { ShopState, SimContext, Via } from "../types.ts";
import { guarded, requireShop } from "./respond.ts";

interface EmitFlags {
  emit?: boolean;
  via?: Via;
}

type Verb<T> = (shop: ShopState, body: T, c: Context) => { result: Record<string, unknown>; events: () => WebhookEvent[] };

/** Each record verb changes the store, then delivers what Shopify would (unless `emit: false`). */
function recordVerb<T extends EmitFlags>(ctx: SimContext, verb: Verb<T>) {
  return (c: Context) =>
    guarded(c, async () => {
      const shop = requireShop(c, ctx);
      if (shop instanceof Response) return shop;
      const body = await readJson<T>(c);
      const { result, events } = verb(shop, body, c);
      const deliveries = body.emit === false ? [] : await emitWebhooks(ctx, shop, events(), body.via ? { via: body.via } : {});
      return c.json({ ...result, deliveries }, c.req.method === "POST" ? 201 : 200);
    });
}

function orderSummary(shop: ShopState, index: number) {
  const order = shop.orders[index]!;
  const tokens = orderTokens(shop, order);
  return {
    id: order.id,
    gid: gid("Order", order.id),
    name: `#${order.number}`,
    customerId: shop.customers[order.customer]?.id ?? null,
    checkoutToken: tokens.checkoutToken,
    cartToken: tokens.cartToken,
    totalPrice: restMoney(order.totalCents),
    financialStatus: order.financial,
    lineItemIds: Array.from({ length: order.lines.length / 3 }, (_, i) => String(order.lineBase + i)),
  };
}

function customerSummary(shop: ShopState, index: number) {
  const customer = shop.customers[index]!;
  return { id: customer.id, gid: gid("Customer", customer.id), email: customer.email, tags: customer.tags, marketingState: customer.marketingState };
}

function productSummary(shop: ShopState, index: number) {
  const product = shop.products[index]!;
  return { id: product.id, gid: gid("Product", product.id), handle: product.handle, variantIds: product.variants.map((v) => shop.variants[v]!.id) };
}

export function registerRecordRoutes(app: Hono, ctx: SimContext): void {
  const base = "/_sim/shops/:shop";
  app.post(`${base}/customers`, recordVerb<CustomerInput & EmitFlags>(ctx, (shop, body) => {
    const index = addCustomer(shop, body);
    return { result: { customer: customerSummary(shop, index) }, events: () => [{ topic: "customers/create", payload: customerPayload(shop, shop.customers[index]!) }] };
  }));
  app.patch(`${base}/customers/:id`, recordVerb<CustomerInput & EmitFlags>(ctx, (shop, body, c) => {
    const index = findCustomer(shop, c.req.param("id") ?? "");
    const { consentChanged } = updateCustomer(shop, index, body);
    const record = shop.customers[index]!;
    const events = () => [
      { topic: "customers/update", payload: customerPayload(shop, record) },
      ...(consentChanged ? [{ topic: "customers_email_marketing_consent/update", payload: emailConsentPayload(shop, record) }] : []),
    ];
    return { result: { customer: customerSummary(shop, index) }, events };
  }));
  app.delete(`${base}/customers/:id`, recordVerb<EmitFlags>(ctx, (shop, _body, c) => {
    const index = findCustomer(shop, c.req.param("id") ?? "");
    deleteCustomer(shop, index);
    const record = shop.customers[index]!;
    return { result: { customer: customerSummary(shop, index) }, events: () => [{ topic: "customers/delete", payload: deletedCustomerPayload(record) }] };
  }));
  app.post(`${base}/orders`, recordVerb<OrderInput & EmitFlags>(ctx, (shop, body) => {
    const index = addOrder(shop, body);
    const order = shop.orders[index]!;
    const events = () => [
      { topic: "orders/create", payload: orderPayload(shop, order) },
      ...(order.financial === "PAID" ? [{ topic: "orders/paid", payload: orderPayload(shop, order) }] : []),
    ];
    return { result: { order: orderSummary(shop, index) }, events };
  }));
  app.post(`${base}/orders/:id/refunds`, recordVerb<RefundInput & EmitFlags>(ctx, (shop, body, c) => {
    const index = findOrder(shop, c.req.param("id") ?? "");
    const order = shop.orders[index]!;
    const refund = refundOrder(shop, index, body);
    const events = () => [
      { topic: "refunds/create", payload: refundPayload(shop, order, refund) },
      { topic: "orders/updated", payload: orderPayload(shop, order) },
    ];
    return { result: { refund: { id: refund.id, gid: gid("Refund", refund.id), orderId: order.id, amount: restMoney(refund.amountCents) }, order: orderSummary(shop, index) }, events };
  }));
  app.post(`${base}/orders/:id/cancel`, recordVerb<{ reason?: string } & EmitFlags>(ctx, (shop, body, c) => {
    const index = findOrder(shop, c.req.param("id") ?? "");
    const order = shop.orders[index]!;
    const refund = cancelOrder(shop, index, body.reason);
    const events = () => [
      ...(refund ? [{ topic: "refunds/create", payload: refundPayload(shop, order, refund) }] : []),
      { topic: "orders/cancelled", payload: orderPayload(shop, order) },
      { topic: "orders/updated", payload: orderPayload(shop, order) },
    ];
    return { result: { order: orderSummary(shop, index) }, events };
  }));
  app.post(`${base}/orders/:id/fulfillments`, recordVerb<FulfillmentInput & EmitFlags>(ctx, (shop, body, c) => {
    const index = findOrder(shop, c.req.param("id") ?? "");
    const { fulfillment, complete } = fulfillOrder(shop, index, body);
    const order = shop.orders[index]!;
    const events = () => [
      { topic: "fulfillments/create", payload: fulfillmentPayload(shop, order, fulfillment) },
      { topic: complete ? "orders/fulfilled" : "orders/partially_fulfilled", payload: orderPayload(shop, order) },
      { topic: "orders/updated", payload: orderPayload(shop, order) },
    ];
    return { result: { fulfillment: { id: fulfillment.id, gid: gid("Fulfillment", fulfillment.id) }, order: orderSummary(shop, index) }, events };
  }));
  app.delete(`${base}/orders/:id`, recordVerb<EmitFlags>(ctx, (shop, _body, c) => {
    const index = findOrder(shop, c.req.param("id") ?? "");
    const summary = orderSummary(shop, index);
    deleteOrder(shop, index);
    return { result: { order: summary }, events: () => [{ topic: "orders/delete", payload: { id: rawId(shop.orders[index]!.id) } }] };
  }));
  app.post(`${base}/products`, recordVerb<ProductInput & EmitFlags>(ctx, (shop, body) => {
    const index = addProduct(shop, body);
    return { result: { product: productSummary(shop, index) }, events: () => [productEvent(shop, shop.products[index]!, "products/create")] };
  }));
  app.patch(`${base}/products/:id`, recordVerb<ProductInput & EmitFlags>(ctx, (shop, body, c) => {
    const index = findProduct(shop, c.req.param("id") ?? "");
    updateProduct(shop, index, body);
    return { result: { product: productSummary(shop, index) }, events: () => [productEvent(shop, shop.products[index]!, "products/update")] };
  }));
  app.delete(`${base}/products/:id`, recordVerb<EmitFlags>(ctx, (shop, _body, c) => {
    const index = findProduct(shop, c.req.param("id") ?? "");
    deleteProduct(shop, index);
    const product = shop.products[index]!;
    return { result: { product: productSummary(shop, index) }, events: () => [{ topic: "products/delete", payload: { id: rawId(product.id) } }] };
  }));
  app.post(`${base}/checkouts`, recordVerb<CheckoutInput & EmitFlags>(ctx, (shop, body) => {
    const index = addCheckout(shop, body);
    const checkout = shop.checkouts[index]!;
    return { result: { checkout: { id: checkout.id, gid: gid("AbandonedCheckout", checkout.id), token: checkout.token, cartToken: checkout.cartToken } }, events: () => [{ topic: "checkouts/create", payload: checkoutPayload(shop, checkout) }] };
  }));
  app.post(`${base}/carts`, recordVerb<{ token?: string; lines?: OrderInput["lines"] } & EmitFlags>(ctx, (shop, body) => {
    const cart = buildCart(shop, body);
    return { result: { cart: { token: cart.token } }, events: () => [{ topic: "carts/create", payload: cartPayload(shop, cart) }] };
  }));
}
