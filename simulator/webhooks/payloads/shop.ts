import { gid, rawId } from "../../lib/ids.ts";
import { restTime } from "../../lib/time.ts";
import type { BulkOperationRecord, ShopState } from "../../types.ts";

/** app/uninstalled carries the shop object. */
export function shopPayload(shop: ShopState) {
  const offset = shop.settings.utcOffsetMinutes;
  return {
    id: rawId(shop.numericId),
    name: shop.name,
    email: `owner@${shop.domain}`,
    domain: shop.domain,
    myshopify_domain: shop.domain,
    province: "New York",
    country: "US",
    country_code: "US",
    country_name: "United States",
    address1: "1 Sim Way",
    zip: "10001",
    city: "New York",
    phone: null,
    currency: shop.currency,
    customer_email: `owner@${shop.domain}`,
    iana_timezone: "America/New_York",
    timezone: "(GMT-05:00) Eastern Time (US & Canada)",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: Shopify's Liquid money format, not a template literal
    money_format: "${{amount}}",
    plan_display_name: shop.plan.displayName,
    plan_name: shop.plan.shopifyPlus ? "shopify_plus" : shop.plan.partnerDevelopment ? "partner_test" : "basic",
    shop_owner: "Sim Owner",
    primary_locale: "en",
    has_storefront: true,
    created_at: restTime(shop.baseNow - 400 * 86_400_000, offset),
    updated_at: restTime(shop.baseNow, offset),
  };
}

export function scopesUpdatePayload(shop: ShopState, previous: string[], current: string[]) {
  return { id: 1, shop_id: gid("Shop", shop.numericId), previous, current, updated_at: new Date().toISOString() };
}

export function bulkFinishPayload(shop: ShopState, operation: BulkOperationRecord) {
  const offset = shop.settings.utcOffsetMinutes;
  return {
    admin_graphql_api_id: gid("BulkOperation", operation.id),
    completed_at: operation.completedAt === null ? null : restTime(operation.completedAt, offset),
    created_at: restTime(operation.createdAt, offset),
    error_code: operation.errorCode?.toLowerCase() ?? null,
    status: operation.status.toLowerCase(),
    type: "query",
  };
}
