import { gid } from "../../lib/ids.ts";
import { restTime } from "../../lib/time.ts";
import type { AppSubscriptionRecord, ShopState } from "../../types.ts";

/** `app_subscriptions/update`, shaped as Shopify's reference example (webhooks 2026-07). */
export function appSubscriptionPayload(shop: ShopState, sub: AppSubscriptionRecord) {
  const offset = shop.settings.utcOffsetMinutes;
  return {
    app_subscription: {
      admin_graphql_api_id: gid("AppSubscription", sub.id),
      name: sub.name,
      status: sub.status,
      admin_graphql_api_shop_id: gid("Shop", shop.numericId),
      created_at: restTime(sub.createdAt, offset),
      updated_at: restTime(sub.updatedAt, offset),
      currency: sub.price.currencyCode,
      capped_amount: null,
      price: Number(sub.price.amount).toFixed(2),
      interval: sub.interval.toLowerCase(),
      plan_handle: null,
    },
  };
}
