import type { Delivery, ShopState, SimContext } from "../types.ts";

const HISTORY_LIMIT = 2000;

/** push: POST to the app now and record its status; outbox: keep the request for the caller to send. */
export async function dispatch(ctx: SimContext, shop: ShopState, delivery: Delivery): Promise<Delivery> {
  shop.deliveries.push(delivery);
  if (shop.deliveries.length > HISTORY_LIMIT) shop.deliveries.splice(0, shop.deliveries.length - HISTORY_LIMIT);
  if (ctx.options.delivery === "outbox") {
    shop.outbox.push(delivery);
    return delivery;
  }
  try {
    // Shopify gives an endpoint 5 s in total before counting the delivery as failed.
    const response = await fetch(delivery.url, {
      method: delivery.method,
      headers: delivery.headers,
      body: delivery.body,
      signal: AbortSignal.timeout(5000),
    });
    delivery.status = response.status;
    await response.body?.cancel();
  } catch (error) {
    delivery.status = null;
    delivery.error = error instanceof Error ? error.message : String(error);
  }
  return delivery;
}

/** Deliveries caused by API calls must not hold up the API response. */
export function inBackground(ctx: SimContext, work: Promise<unknown>): void {
  const tracked = work.catch(() => undefined).finally(() => ctx.pending.delete(tracked));
  ctx.pending.add(tracked);
}
