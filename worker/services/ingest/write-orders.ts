import { sql, type SQL } from "drizzle-orm";
import type { IngestPlan } from "./ingest-plan.ts";
import { field, jsonChunks, tuples } from "../../db/sql-json.ts";

const profileOf = (tenant: SQL, customer: SQL) => sql`(select p.id from profiles p where p.tenant_id = ${tenant} and p.shopify_customer_id = ${customer})`;

const ORDER = tuples([
  "tenantId", "orderId", "customerId", "name", "currency", "totalPrice", "totalRefunded", "financialStatus", "checkoutToken", "cartToken",
  "lineItems", "orderedAt", "cancelledAt", "sourceUpdatedAt",
], ["lineItems"]);

/** Order upserts keyed by Shopify order id: an older `updated_at` never overwrites a newer one. */
export function writeOrders(orders: IngestPlan["orders"], now: number): SQL[] {
  const f = ORDER.at;
  return jsonChunks(ORDER.rows(orders)).map((json) =>
    sql`
      insert into orders (tenant_id, shopify_order_id, profile_id, shopify_customer_id, name, currency, total_price, total_refunded,
        financial_status, checkout_token, cart_token, line_items, ordered_at, cancelled_at, source_updated_at, updated_at)
      select ${f.tenantId}, ${f.orderId}, ${profileOf(f.tenantId, f.customerId)},
        ${f.customerId}, ${f.name}, ${f.currency}, ${f.totalPrice}, ${f.totalRefunded},
        ${f.financialStatus}, ${f.checkoutToken}, ${f.cartToken}, ${f.lineItems},
        ${f.orderedAt}, ${f.cancelledAt}, ${f.sourceUpdatedAt}, ${now}
      from json_each(${json}) j where true
      on conflict (tenant_id, shopify_order_id) do update set
        profile_id = coalesce(excluded.profile_id, orders.profile_id),
        shopify_customer_id = coalesce(excluded.shopify_customer_id, orders.shopify_customer_id),
        name = excluded.name, currency = excluded.currency, total_price = excluded.total_price,
        total_refunded = excluded.total_refunded, financial_status = excluded.financial_status,
        checkout_token = coalesce(excluded.checkout_token, orders.checkout_token), cart_token = coalesce(excluded.cart_token, orders.cart_token),
        line_items = excluded.line_items, ordered_at = excluded.ordered_at, cancelled_at = excluded.cancelled_at,
        source_updated_at = excluded.source_updated_at, updated_at = excluded.updated_at
      where excluded.source_updated_at >= coalesce(orders.source_updated_at, 0)
    `,
  );
}

/** `orders/delete` keeps the row (its events reference it) but stops it counting, like a cancellation. */
export function markOrdersDeleted(deletes: IngestPlan["orderDeletes"], now: number): SQL[] {
  return jsonChunks(deletes.map((row) => ({ t: row.tenantId, orderId: row.orderId, at: row.at }))).map((json) =>
    sql`
      update orders set cancelled_at = coalesce(orders.cancelled_at, gone.at), financial_status = 'deleted', updated_at = ${now}
      from (select ${field("t")} as t, ${field("orderId")} as order_id, ${field("at")} as at from json_each(${json}) j) as gone
      where orders.tenant_id = gone.t and orders.shopify_order_id = gone.order_id
    `,
  );
}

/**
 * Checkouts merged by token from three sources: the checkout webhook (totals, newest wins), the order that completed
 * it (order id, customer) and the pixel (the visitor's client id, held purchase enrichment). Links fill gaps only.
 */
const CHECKOUT = tuples([
  "tenantId", "token", "cartToken", "checkoutId", "customerId", "anonymousId", "orderId", "totalPrice", "currency", "enrichment", "startedAt",
  "completedAt", "sourceUpdatedAt",
], ["enrichment"]);

export function writeCheckouts(checkouts: IngestPlan["checkouts"], now: number): SQL[] {
  const f = CHECKOUT.at;
  const newer = "coalesce(excluded.source_updated_at, 0) >= coalesce(checkouts.source_updated_at, 0) and excluded.total_price is not null";
  return jsonChunks(CHECKOUT.rows(checkouts)).map((json) =>
    sql`
      insert into checkouts (tenant_id, token, cart_token, shopify_checkout_id, profile_id, anonymous_id, shopify_order_id, total_price,
        currency, pixel_enrichment, started_at, completed_at, source_updated_at, updated_at)
      select ${f.tenantId}, ${f.token}, ${f.cartToken}, ${f.checkoutId},
        ${profileOf(f.tenantId, f.customerId)}, ${f.anonymousId}, ${f.orderId},
        ${f.totalPrice}, ${f.currency}, ${f.enrichment}, ${f.startedAt}, ${f.completedAt},
        ${f.sourceUpdatedAt}, ${now}
      from json_each(${json}) j where true
      on conflict (tenant_id, token) do update set
        cart_token = coalesce(excluded.cart_token, checkouts.cart_token),
        shopify_checkout_id = coalesce(excluded.shopify_checkout_id, checkouts.shopify_checkout_id),
        profile_id = coalesce(checkouts.profile_id, excluded.profile_id),
        anonymous_id = coalesce(checkouts.anonymous_id, excluded.anonymous_id),
        shopify_order_id = coalesce(checkouts.shopify_order_id, excluded.shopify_order_id),
        total_price = iif(${sql.raw(newer)}, excluded.total_price, checkouts.total_price),
        currency = iif(${sql.raw(newer)}, excluded.currency, checkouts.currency),
        pixel_enrichment = coalesce(checkouts.pixel_enrichment, excluded.pixel_enrichment),
        started_at = coalesce(min(checkouts.started_at, excluded.started_at), checkouts.started_at, excluded.started_at),
        completed_at = coalesce(checkouts.completed_at, excluded.completed_at),
        source_updated_at = nullif(max(coalesce(excluded.source_updated_at, 0), coalesce(checkouts.source_updated_at, 0)), 0),
        updated_at = ${now}
    `,
  );
}
