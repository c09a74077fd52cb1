import { sql, type SQL } from "drizzle-orm";
import { alias, type SQLiteColumn } from "drizzle-orm/sqlite-core";
import { productsTable, tenantSettingsTable } from "../../db/schema/index.ts";
import { renderOnce } from "../../db/render-once.ts";
import { col, columnsOf, excluded } from "../../db/sql-names.ts";
import { newId } from "../../lib/ids.ts";
import { field, jsonChunks } from "../../db/sql-json.ts";
import type { ProductFields } from "./product-fields.ts";
import type { VariantTotals } from "./variant-totals.ts";

const s = alias(tenantSettingsTable, "s");
const replace = (column: SQLiteColumn) => sql`${col(column)} = ${excluded(column)}`;
// The rows being deleted, named `gone`: the product (`shopify_product_id`), its tenant (`t`) and when (`at`).
const gone = alias(productsTable, "gone");

/** A product as Shopify last described it (webhook or backfill), stamped with the time of that description. */
export type ProductRow = { tenantId: string; productId: string; sourceUpdatedAt: number } & ProductFields & VariantTotals;

export type ProductDelete = { tenantId: string; productId: string; at: number };

// A payload from a subscription that does not carry the SEO metafields keeps the SEO SegOps already has.
const DATA_WITH_SEO = sql`case when json_type(${excluded(productsTable.data)}, '$.seo') is null and json_type(${productsTable.data}, '$.seo') is not null
  then json_set(${excluded(productsTable.data)}, '$.seo', json(json_extract(${productsTable.data}, '$.seo'))) else ${excluded(productsTable.data)} end`;

// `updated_at` moves only when what SegOps keeps of the product changed: the products/update Shopify sends after our
// own metafieldsSet (same content, newer updated_at) then leaves the product scored, so the push never echoes.
const CONTENT = [
  productsTable.handle, productsTable.title, productsTable.vendor, productsTable.productType, productsTable.status, productsTable.tags,
  productsTable.priceMin, productsTable.priceMax, productsTable.inventoryTotal,
];
// Column by column with `is`: JSON values compare as their text (json_array would nest one and quote the other).
const SAME_CONTENT = sql.join([...CONTENT.map((column) => sql`${column} is ${excluded(column)}`), sql`${productsTable.data} is (${DATA_WITH_SEO})`], sql` and `);

const WRITE_PRODUCTS = renderOnce<"json" | "now">(
  (slot) =>
    sql`
      insert into ${productsTable} ${columnsOf(productsTable,
        "id", "tenantId", "shopifyProductId", "origin", "handle", "title", "vendor", "productType", "status", "tags", "priceMin",
        "priceMax", "inventoryTotal", "data", "mentionCount30d", "sourceUpdatedAt", "createdAt", "updatedAt")}
      select ${field("id")}, ${field("t")}, ${field("productId")}, 'shopify', ${field("handle")}, ${field("title")}, ${field("vendor")},
        ${field("productType")}, ${field("status")}, json(${field("tags")}), ${field("priceMin")}, ${field("priceMax")},
        ${field("inventoryTotal")}, json(${field("data")}), 0, ${field("sourceUpdatedAt")}, ${slot("now")}, ${slot("now")}
      from json_each(${slot("json")}) j
      where not exists (select 1 from ${tenantSettingsTable} ${s} where ${s.tenantId} = ${field("t")} and ${s.productSyncInbound} = 0)
      on conflict ${columnsOf(productsTable, "tenantId", "shopifyProductId")} do update set
        ${replace(productsTable.handle)}, ${replace(productsTable.title)}, ${replace(productsTable.vendor)}, ${replace(productsTable.productType)},
        ${replace(productsTable.status)}, ${replace(productsTable.tags)}, ${replace(productsTable.priceMin)}, ${replace(productsTable.priceMax)},
        ${replace(productsTable.inventoryTotal)}, ${col(productsTable.data)} = ${DATA_WITH_SEO}, ${replace(productsTable.sourceUpdatedAt)},
        ${col(productsTable.updatedAt)} = case when ${productsTable.deletedAt} is null and ${SAME_CONTENT} then ${productsTable.updatedAt} else ${excluded(productsTable.updatedAt)} end,
        ${col(productsTable.deletedAt)} = null
      where ${excluded(productsTable.sourceUpdatedAt)} >= coalesce(${productsTable.sourceUpdatedAt}, 0)
    `,
);

/**
 * Inbound catalog sync: upserts by Shopify product id when newer, and not at all for a tenant that switched inbound
 * sync off in Settings. Scores and metafield digests are the catalog's own columns and are left alone.
 */
export function writeProducts(products: readonly ProductRow[], now: number): SQL[] {
  const rows = products.map((product) => ({ ...product, id: newId("product"), t: product.tenantId }));
  return jsonChunks(rows).map((json) => WRITE_PRODUCTS({ json, now }));
}

const SOFT_DELETE_PRODUCTS = renderOnce<"json" | "now">(
  (slot) =>
    sql`
      update ${productsTable} set ${col(productsTable.deletedAt)} = ${gone}.at, ${col(productsTable.sourceUpdatedAt)} = ${gone}.at, ${col(productsTable.updatedAt)} = ${slot("now")}
      from (select ${field("t")} as t, ${field("productId")} as ${col(gone.shopifyProductId)}, ${field("at")} as at from json_each(${slot("json")}) j) as ${gone}
      where ${productsTable.tenantId} = ${gone}.t and ${productsTable.shopifyProductId} = ${gone.shopifyProductId}
        and coalesce(${productsTable.sourceUpdatedAt}, 0) <= ${gone}.at
    `,
);

/** Soft delete, unless Shopify updated the product after the delete was triggered. */
export function softDeleteProducts(deletes: readonly ProductDelete[], now: number): SQL[] {
  return jsonChunks(deletes.map((row) => ({ t: row.tenantId, productId: row.productId, at: row.at }))).map((json) => SOFT_DELETE_PRODUCTS({ json, now }));
}
