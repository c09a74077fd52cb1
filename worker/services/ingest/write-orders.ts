import { sql, type SQL } from "drizzle-orm";
import { alias, type SQLiteColumn } from "drizzle-orm/sqlite-core";
import { checkoutsTable, ordersTable, profilesTable } from "../../db/schema/index.ts";
import { renderOnce } from "../../db/render-once.ts";
import { col, columnsOf, excluded } from "../../db/sql-names.ts";
import type { IngestPlan } from "./ingest-plan.ts";
import { field, jsonChunks, tuples } from "../../db/sql-json.ts";

const p = alias(profilesTable, "p");
const profileOf = (tenant: SQL, customer: SQL) =>
  sql`(select ${p.id} from ${profilesTable} ${p} where ${p.tenantId} = ${tenant} and ${p.shopifyCustomerId} = ${customer})`;

const ORDER = tuples([
  "tenantId", "orderId", "customerId", "name", "currency", "totalPrice", "totalRefunded", "financialStatus", "checkoutToken", "cartToken",
  "lineItems", "orderedAt", "cancelledAt", "sourceUpdatedAt",
], ["lineItems"]);

// The `do update` assignments: the new value; the new value unless it is null; the stored value unless it is null.
const replace = (column: SQLiteColumn) => sql`${col(column)} = ${excluded(column)}`;
const replaceIfSet = (column: SQLiteColumn) => sql`${col(column)} = coalesce(${excluded(column)}, ${column})`;
const fillIfUnset = (column: SQLiteColumn) => sql`${col(column)} = coalesce(${column}, ${excluded(column)})`;

const WRITE_ORDERS = renderOnce<"json" | "now">((slot) => {
  const f = ORDER.at;
  return sql`
    insert into ${ordersTable} ${columnsOf(ordersTable,
      "tenantId", "shopifyOrderId", "profileId", "shopifyCustomerId", "name", "currency", "totalPrice", "totalRefunded",
      "financialStatus", "checkoutToken", "cartToken", "lineItems", "orderedAt", "cancelledAt", "sourceUpdatedAt", "updatedAt")}
    select ${f.tenantId}, ${f.orderId}, ${profileOf(f.tenantId, f.customerId)},
      ${f.customerId}, ${f.name}, ${f.currency}, ${f.totalPrice}, ${f.totalRefunded},
      ${f.financialStatus}, ${f.checkoutToken}, ${f.cartToken}, ${f.lineItems},
      ${f.orderedAt}, ${f.cancelledAt}, ${f.sourceUpdatedAt}, ${slot("now")}
    from json_each(${slot("json")}) j where true
    on conflict ${columnsOf(ordersTable, "tenantId", "shopifyOrderId")} do update set
      ${replaceIfSet(ordersTable.profileId)}, ${replaceIfSet(ordersTable.shopifyCustomerId)},
      ${replace(ordersTable.name)}, ${replace(ordersTable.currency)}, ${replace(ordersTable.totalPrice)},
      ${replace(ordersTable.totalRefunded)}, ${replace(ordersTable.financialStatus)},
      ${replaceIfSet(ordersTable.checkoutToken)}, ${replaceIfSet(ordersTable.cartToken)},
      ${replace(ordersTable.lineItems)}, ${replace(ordersTable.orderedAt)}, ${replace(ordersTable.cancelledAt)},
      ${replace(ordersTable.sourceUpdatedAt)}, ${replace(ordersTable.updatedAt)}
    where ${excluded(ordersTable.sourceUpdatedAt)} >= coalesce(${ordersTable.sourceUpdatedAt}, 0)
  `;
});

/** Order upserts keyed by Shopify order id: an older `updated_at` never overwrites a newer one. */
export function writeOrders(orders: IngestPlan["orders"], now: number): SQL[] {
  return jsonChunks(ORDER.rows(orders)).map((json) => WRITE_ORDERS({ json, now }));
}

const MARK_ORDERS_DELETED = renderOnce<"json" | "now">(
  (slot) =>
    sql`
      update ${ordersTable} set ${col(ordersTable.cancelledAt)} = coalesce(${ordersTable.cancelledAt}, gone.at),
        ${col(ordersTable.financialStatus)} = 'deleted', ${col(ordersTable.updatedAt)} = ${slot("now")}
      from (select ${field("t")} as t, ${field("orderId")} as order_id, ${field("at")} as at from json_each(${slot("json")}) j) as gone
      where ${ordersTable.tenantId} = gone.t and ${ordersTable.shopifyOrderId} = gone.order_id
    `,
);

/** `orders/delete` keeps the row (its events reference it) but stops it counting, like a cancellation. */
export function markOrdersDeleted(deletes: IngestPlan["orderDeletes"], now: number): SQL[] {
  return jsonChunks(deletes.map((row) => ({ t: row.tenantId, orderId: row.orderId, at: row.at }))).map((json) => MARK_ORDERS_DELETED({ json, now }));
}

/**
 * Checkouts merged by token from three sources: the checkout webhook (totals, newest wins), the order that completed
 * it (order id, customer) and the pixel (the visitor's client id, held purchase enrichment). Links fill gaps only.
 */
const CHECKOUT = tuples([
  "tenantId", "token", "cartToken", "checkoutId", "customerId", "anonymousId", "orderId", "totalPrice", "currency", "enrichment", "startedAt",
  "completedAt", "sourceUpdatedAt",
], ["enrichment"]);

const WRITE_CHECKOUTS = renderOnce<"json" | "now">((slot) => {
  const f = CHECKOUT.at;
  const newer = sql`coalesce(${excluded(checkoutsTable.sourceUpdatedAt)}, 0) >= coalesce(${checkoutsTable.sourceUpdatedAt}, 0) and ${excluded(checkoutsTable.totalPrice)} is not null`;
  return sql`
    insert into ${checkoutsTable} ${columnsOf(checkoutsTable,
      "tenantId", "token", "cartToken", "shopifyCheckoutId", "profileId", "anonymousId", "shopifyOrderId", "totalPrice", "currency",
      "pixelEnrichment", "startedAt", "completedAt", "sourceUpdatedAt", "updatedAt")}
    select ${f.tenantId}, ${f.token}, ${f.cartToken}, ${f.checkoutId},
      ${profileOf(f.tenantId, f.customerId)}, ${f.anonymousId}, ${f.orderId},
      ${f.totalPrice}, ${f.currency}, ${f.enrichment}, ${f.startedAt}, ${f.completedAt},
      ${f.sourceUpdatedAt}, ${slot("now")}
    from json_each(${slot("json")}) j where true
    on conflict ${columnsOf(checkoutsTable, "tenantId", "token")} do update set
      ${replaceIfSet(checkoutsTable.cartToken)},
      ${replaceIfSet(checkoutsTable.shopifyCheckoutId)},
      ${fillIfUnset(checkoutsTable.profileId)},
      ${fillIfUnset(checkoutsTable.anonymousId)},
      ${fillIfUnset(checkoutsTable.shopifyOrderId)},
      ${col(checkoutsTable.totalPrice)} = iif(${newer}, ${excluded(checkoutsTable.totalPrice)}, ${checkoutsTable.totalPrice}),
      ${col(checkoutsTable.currency)} = iif(${newer}, ${excluded(checkoutsTable.currency)}, ${checkoutsTable.currency}),
      ${fillIfUnset(checkoutsTable.pixelEnrichment)},
      ${col(checkoutsTable.startedAt)} = coalesce(min(${checkoutsTable.startedAt}, ${excluded(checkoutsTable.startedAt)}), ${checkoutsTable.startedAt}, ${excluded(checkoutsTable.startedAt)}),
      ${fillIfUnset(checkoutsTable.completedAt)},
      ${col(checkoutsTable.sourceUpdatedAt)} = nullif(max(coalesce(${excluded(checkoutsTable.sourceUpdatedAt)}, 0), coalesce(${checkoutsTable.sourceUpdatedAt}, 0)), 0),
      ${col(checkoutsTable.updatedAt)} = ${slot("now")}
  `;
});

export function writeCheckouts(checkouts: IngestPlan["checkouts"], now: number): SQL[] {
  return jsonChunks(CHECKOUT.rows(checkouts)).map((json) => WRITE_CHECKOUTS({ json, now }));
}
