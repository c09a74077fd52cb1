import type { z } from "zod";
import { expireAccessTokens, revokeAllTokens } from "../auth/tokens.ts";
import { refill } from "../graphql/bucket.ts";
import type { ShopState } from "../types.ts";
import type { SETTINGS_PATCH } from "./settings-schema.ts";

export function applySettings(shop: ShopState, patch: z.infer<typeof SETTINGS_PATCH>): void {
  const { throttle, failGraphql, stallGraphql, throttleGraphql, drainBucket, revokeTokens, expireAccessTokens: expire, refillBucket, ...plain } = patch;
  const defined = Object.fromEntries(Object.entries(plain).filter(([, value]) => value !== undefined));
  Object.assign(shop.settings, defined);
  if (throttle) {
    refill(shop);
    shop.settings.throttle = { ...shop.settings.throttle, ...throttle };
    shop.bucket.available = Math.min(shop.bucket.available, shop.settings.throttle.maximumAvailable);
  }
  if (refillBucket) shop.bucket.available = shop.settings.throttle.maximumAvailable;
  if (failGraphql !== undefined) {
    shop.settings.failGraphql = typeof failGraphql === "number" ? { remaining: failGraphql, status: 502 } : { remaining: failGraphql.count, status: failGraphql.status ?? 502 };
  }
  if (stallGraphql) shop.settings.stallGraphql = { remaining: stallGraphql.count, ms: stallGraphql.ms };
  if (throttleGraphql !== undefined) shop.settings.throttleGraphql = { remaining: throttleGraphql };
  if (drainBucket) {
    refill(shop);
    shop.bucket.available = 0;
  }
  if (revokeTokens) revokeAllTokens(shop);
  if (expire) expireAccessTokens(shop);
}
