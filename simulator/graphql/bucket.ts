import type { ShopState } from "../types.ts";

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

/** Per-shop leaky bucket: refills at restoreRate points per second up to maximumAvailable. */
export function refill(shop: ShopState, now = Date.now()): ThrottleStatus {
  const { maximumAvailable, restoreRate } = shop.settings.throttle;
  const elapsed = Math.max(0, now - shop.bucket.updatedAt) / 1000;
  shop.bucket.available = Math.min(maximumAvailable, shop.bucket.available + elapsed * restoreRate);
  shop.bucket.updatedAt = now;
  return { maximumAvailable, currentlyAvailable: Math.floor(shop.bucket.available), restoreRate };
}

export function tryTake(shop: ShopState, cost: number): boolean {
  refill(shop);
  if (cost > shop.bucket.available) return false;
  shop.bucket.available -= cost;
  return true;
}

export function giveBack(shop: ShopState, points: number): ThrottleStatus {
  refill(shop);
  shop.bucket.available = Math.min(shop.settings.throttle.maximumAvailable, shop.bucket.available + Math.max(0, points));
  return refill(shop);
}
